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

  // Concept sheet editor: "Använd" copies a proposal into its field here (without this file
  // the button posts the form and the server copies it in).
  document.querySelectorAll(".use-proposal").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var key = button.dataset.field;
      var text = button.dataset.text || "";
      if (key === "age_groups") {
        var box = document.querySelector('input[name="age_groups"][value="' + CSS.escape(text) + '"]');
        if (!box) { return; }
        event.preventDefault();
        box.checked = true;
      } else {
        var field = document.getElementById("f-" + key);
        if (!field) { return; }
        event.preventDefault();
        if (field.value.toLowerCase().indexOf(text.toLowerCase()) === -1) {
          field.value = field.value.trim() ? field.value.replace(/\s+$/, "") + "\n" + text : text;
        }
        field.dispatchEvent(new Event("input", { bubbles: true }));
      }
      button.disabled = true;
      button.textContent = "Infört (spara)";
      button.closest(".proposal").classList.add("proposal-used");
    });
  });
})();

