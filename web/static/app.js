/* Exempelbanken: small progressive enhancements. Everything works without this file. */
(function () {
  "use strict";

  // Search filters and sort apply as soon as they change; keyboard focus returns to the
  // control that was changed once the new page has loaded.
  var FOCUS_KEY = "exempelbanken-fokus";
  // On a phone the filters start folded away above the results, also after a filter was
  // ticked (the chosen ones are listed above the results), so the results start at the top.
  var toggle = document.querySelector(".facet-toggle");
  if (toggle && window.matchMedia && window.matchMedia("(max-width: 50rem)").matches) {
    toggle.open = false;
  }
  try {
    var again = sessionStorage.getItem(FOCUS_KEY);
    sessionStorage.removeItem(FOCUS_KEY);
    var target = again && (
      document.querySelector('[data-key="' + CSS.escape(again) + '"]') ||
      document.getElementById(again)
    );
    if (target && toggle && !toggle.open && toggle.contains(target)) {
      target = document.getElementById("traffar");  // the control is folded away
    }
    if (target) {
      target.focus();
    }
  } catch (e) { /* storage may be disabled */ }
  document.querySelectorAll(".autosubmit").forEach(function (el) {
    el.addEventListener("change", function () {
      try {
        sessionStorage.setItem(FOCUS_KEY, el.dataset.key || el.id);
      } catch (e) { /* ignore */ }
      if (el.form) {
        el.form.requestSubmit ? el.form.requestSubmit() : el.form.submit();
      }
    });
  });
  var filterButton = document.querySelector(".filter-submit");
  if (filterButton) {
    filterButton.hidden = true;
  }

  // The browser draws a file input in its own language ("Choose files"); this one speaks
  // Swedish. The input stays in the page (focusable, the form works without this script).
  function swedishFilePicker(input) {
    var picker = document.createElement("span");
    picker.className = "file-picker";
    var choose = document.createElement("label");
    choose.htmlFor = input.id;
    choose.className = "button secondary";
    choose.textContent = input.multiple ? "Välj filer …" : "Välj fil …";
    var chosen = document.createElement("span");
    chosen.id = input.id + "-valda";
    chosen.className = "file-chosen";
    chosen.setAttribute("aria-live", "polite");
    function show() {
      var files = input.files || [];
      chosen.classList.remove("error");
      chosen.textContent = files.length === 0 ? "Ingen fil vald" :
        files.length === 1 ? files[0].name : files.length + " filer valda";
    }
    input.classList.add("file-input");
    input.setAttribute("aria-describedby", chosen.id);
    input.addEventListener("change", show);
    picker.appendChild(choose);
    picker.appendChild(chosen);
    input.parentNode.insertBefore(picker, input.nextSibling);
    show();
    if (input.form && input.required) {
      // the browser's own "select a file" bubble is not in Swedish either
      input.form.noValidate = true;
      input.form.addEventListener("submit", function (ev) {
        if (!input.files || !input.files.length) {
          ev.preventDefault();
          ev.stopImmediatePropagation();
          chosen.textContent = input.multiple ? "Välj minst en fil först." : "Välj en fil först.";
          chosen.classList.add("error");
          input.focus();
        }
      });
    }
  }
  document.querySelectorAll("input[type=file][id]").forEach(swedishFilePicker);

  // Upload: send each file on its own to the API and show its progress and result.
  var form = document.getElementById("uppladdning");
  if (!form || !window.FormData || !window.XMLHttpRequest) {
    return;
  }
  var input = form.querySelector("input[type=file]");
  var token = form.querySelector("input[name=csrf_token]").value;
  var results = document.getElementById("uppladdade");

  function item(file) {
    var li = document.createElement("li");
    var name = document.createElement("strong");
    name.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "Uppladdning av " + file.name);
    var status = document.createElement("span");
    status.className = "upload-status";
    status.textContent = "väntar";
    li.appendChild(name);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(bar);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(status);
    return { li: li, bar: bar, status: status };
  }

  function show(row, ok, text, href, linkText) {
    row.li.className = ok ? "upload-ok" : "upload-error";
    row.status.textContent = text;
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = linkText;
      row.status.appendChild(document.createTextNode(" "));
      row.status.appendChild(a);
    }
  }

  function send(file, row) {
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();
      var data = new FormData();
      data.append("file", file, file.name);
      xhr.open("POST", form.dataset.api);
      xhr.setRequestHeader("X-CSRFToken", token);
      xhr.setRequestHeader("Accept", "application/json");
      xhr.upload.addEventListener("progress", function (ev) {
        if (ev.lengthComputable) {
          row.bar.value = Math.round((ev.loaded / ev.total) * 90);
        }
      });
      xhr.upload.addEventListener("load", function () {
        row.bar.value = 90;
        row.status.textContent = "läser in …";
      });
      xhr.addEventListener("load", function () {
        row.bar.value = 100;
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
        var review = form.dataset.review;
        if (xhr.status === 201) {
          var n = (body.examples || []).length;
          show(row, true, "inläst – " + n + " exempel.", review.replace("DOCID", body.id),
               "Granska " + (body.title || file.name));
        } else if (xhr.status === 409 && body.document_id) {
          show(row, false, body.error || "Finns redan.", review.replace("DOCID", body.document_id),
               "Visa det befintliga dokumentet");
        } else {
          show(row, false, body.error || ("Fel " + xhr.status + "."));
        }
        resolve();
      });
      xhr.addEventListener("error", function () {
        show(row, false, "Nätverksfel – försök igen.");
        resolve();
      });
      row.status.textContent = "laddar upp …";
      xhr.send(data);
    });
  }

  form.addEventListener("submit", function (ev) {
    var files = Array.prototype.slice.call(input.files || []);
    if (!files.length) {
      return;
    }
    ev.preventDefault();
    results.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = "Resultat";
    var list = document.createElement("ul");
    list.className = "upload-results";
    results.appendChild(heading);
    results.appendChild(list);
    var rows = files.map(function (file) {
      var row = item(file);
      list.appendChild(row.li);
      return row;
    });
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    files.reduce(function (chain, file, i) {
      return chain.then(function () { return send(file, rows[i]); });
    }, Promise.resolve()).then(function () {
      button.disabled = false;
      input.value = "";
      input.dispatchEvent(new Event("change"));
      var done = document.createElement("p");
      done.className = "upload-done";
      done.textContent = "Klart.";
      results.appendChild(done);
    });
  });
})();
