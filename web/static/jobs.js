/* Exempelbanken: uploads as background jobs. The upload form sends the files in one request
   to POST /api/jobs (answered at once), then this script follows the jobs through
   GET /api/jobs?batch= and shows each file's stage, page n of N, and at the end its examples
   and warnings or its error with a retry button and a form to remove it. Without it the form
   posts to the server, which shows the same progress page (reload to update). */
(function () {
  "use strict";
  var box = document.getElementById("uppladdade");
  if (!box || !window.fetch || !window.FormData) {
    return;
  }
  var token = box.dataset.csrf;
  var POLL_MS = 700;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function retryButton(job) {
    var button = el("button", "upload-retry", "Försök igen");
    button.type = "button";
    button.addEventListener("click", function () {
      button.disabled = true;
      fetch(box.dataset.retry.replace("JOBID", job.id), {
        method: "POST", credentials: "same-origin",
        headers: { "X-CSRFToken": token, "Accept": "application/json" }
      }).then(function () { follow(job.batch); });
    });
    return button;
  }

  function removeForm(job) {  // a plain form: the server answers with the page again
    var form = el("form", "upload-remove");
    form.method = "post";
    form.action = box.dataset.remove.replace("JOBID", job.id);
    var field = el("input");
    field.type = "hidden";
    field.name = "csrf_token";
    field.value = token;
    form.appendChild(field);
    var button = el("button", "", "Ta bort");
    button.type = "submit";
    form.appendChild(button);
    return form;
  }

  function fill(li, job) {
    li.className = job.state === "done" ? "upload-ok" : job.state === "failed" ? "upload-error" : "upload-working";
    li.dataset.job = job.id;
    li.textContent = "";
    li.appendChild(el("strong", "", job.filename));
    li.appendChild(document.createTextNode(" "));
    if (job.state !== "failed") {  // a failed file gets no bar: it did not get through
      var bar = el("progress");
      bar.max = 100;
      bar.value = job.percent;
      bar.setAttribute("aria-label", "Inläsning av " + job.filename);
      li.appendChild(bar);
      li.appendChild(document.createTextNode(" "));
    }
    li.appendChild(el("span", "upload-status", job.status_text));
    if (job.state === "done") {
      li.appendChild(document.createTextNode(" "));
      li.appendChild(link(box.dataset.review.replace("DOCID", job.document_id), "Granska och rätta"));
      if (job.titles.length) {
        li.appendChild(el("span", "upload-titles", "Exempel: " + job.titles.join(" · ")));
      }
    } else if (job.state === "failed") {
      if (job.document_id) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(link(box.dataset.review.replace("DOCID", job.document_id),
                            "Visa det befintliga dokumentet"));
      }
      if (job.retryable) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(retryButton(job));
      }
      li.appendChild(document.createTextNode(" "));
      li.appendChild(removeForm(job));
    }
    (job.warnings || []).forEach(function (w) {
      li.appendChild(el("span", "upload-warning", w));
    });
  }

  function list() {
    var ul = box.querySelector(".upload-results");
    if (!ul) {
      box.textContent = "";
      box.appendChild(el("h2", "", "Resultat"));
      ul = el("ul", "upload-results");
      box.appendChild(ul);
    }
    return ul;
  }

  function show(jobs) {
    var ul = list();
    var rows = ul.querySelectorAll("li");
    jobs.forEach(function (job, i) {
      var li = rows[i] || ul.appendChild(el("li"));
      fill(li, job);
    });
    var done = box.querySelector(".upload-done");
    var finished = jobs.every(function (j) { return j.state === "done" || j.state === "failed"; });
    if (finished && !done) {
      box.appendChild(el("p", "upload-done", "Klart."));
    } else if (!finished && done) {
      done.remove();
    }
    return finished;
  }

  var timer = null;
  function follow(batch) {
    clearTimeout(timer);
    var url = box.dataset.jobs + "?batch=" + encodeURIComponent(batch);
    fetch(url, { credentials: "same-origin", headers: { "X-CSRFToken": token, "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (jobs) {
        if (!show(jobs)) { timer = setTimeout(function () { follow(batch); }, POLL_MS); }
      })
      .catch(function () { timer = setTimeout(function () { follow(batch); }, POLL_MS * 3); });
  }

  // --- the upload form --------------------------------------------------------------------

  var form = document.getElementById("uppladdning");

  function placeholders(files) {
    var ul = list();
    ul.textContent = "";
    var old = box.querySelector(".upload-done");
    if (old) { old.remove(); }
    return files.map(function (file) {
      var li = ul.appendChild(el("li", "upload-working"));
      li.appendChild(el("strong", "", file.name));
      li.appendChild(document.createTextNode(" "));
      var bar = li.appendChild(el("progress"));
      bar.max = 100;
      bar.value = 0;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("span", "upload-status", "laddar upp …"));
      return li;
    });
  }

  function send(files) {
    var rows = placeholders(files);
    var data = new FormData();
    files.forEach(function (file) { data.append("file", file, file.name); });
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.api);
    xhr.setRequestHeader("X-CSRFToken", token);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (ev) {
      if (ev.lengthComputable) {
        rows.forEach(function (li) { li.querySelector("progress").value = Math.round(2 * ev.loaded / ev.total); });
      }
    });
    xhr.addEventListener("load", function () {
      button.disabled = false;
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status === 202) {
        form.reset();
        form.querySelector("input[type=file]").dispatchEvent(new Event("change"));
        history.replaceState(null, "", form.dataset.page.replace("BATCH", body.batch));
        show(body.jobs);
        follow(body.batch);
      } else {
        rows.forEach(function (li) {
          li.className = "upload-error";
          li.querySelector("progress").remove();
          li.querySelector(".upload-status").textContent = body.error || ("Fel " + xhr.status + ".");
        });
      }
    });
    xhr.addEventListener("error", function () {
      button.disabled = false;
      rows.forEach(function (li) {
        li.className = "upload-error";
        li.querySelector(".upload-status").textContent = "Nätverksfel – försök igen.";
      });
    });
    xhr.send(data);
  }

  // a dropped folder: every file in it, however deep (names starting with "." left out)
  function entries(entry, out) {
    return new Promise(function (resolve) {
      if (entry.isFile) {
        entry.file(function (f) { if (f.name.charAt(0) !== ".") { out.push(f); } resolve(); },
                   function () { resolve(); });
      } else if (entry.isDirectory) {
        var reader = entry.createReader();
        var more = function () {
          reader.readEntries(function (batch) {
            if (!batch.length) { resolve(); return; }
            Promise.all(batch.map(function (e) { return entries(e, out); })).then(more);
          }, function () { resolve(); });
        };
        more();
      } else {
        resolve();
      }
    });
  }

  if (form) {
    var input = form.querySelector("input[type=file]");
    form.addEventListener("submit", function (ev) {
      var files = Array.prototype.slice.call(input.files || []);
      if (!files.length) { return; }
      ev.preventDefault();
      send(files);
    });
    var zone = form.querySelector(".drop-zone");
    if (zone) {
      zone.hidden = false;
      ["dragenter", "dragover"].forEach(function (name) {
        form.addEventListener(name, function (ev) { ev.preventDefault(); zone.classList.add("over"); });
      });
      form.addEventListener("dragleave", function () { zone.classList.remove("over"); });
      form.addEventListener("drop", function (ev) {
        ev.preventDefault();
        zone.classList.remove("over");
        var items = Array.prototype.slice.call(ev.dataTransfer.items || []);
        var found = [];
        var walks = items.map(function (item) {
          var entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
          if (entry) { return entries(entry, found); }
          var file = item.getAsFile();
          if (file) { found.push(file); }
          return Promise.resolve();
        });
        Promise.all(walks).then(function () { if (found.length) { send(found); } });
      });
    }
  }

  if (box.dataset.batch && !box.querySelector(".upload-done")) {
    follow(box.dataset.batch);
  }
})();
