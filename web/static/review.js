/* Review pages: a tag form's value field offers the vocabulary of the chosen tag kind
   (the <datalist> of that kind); kinds without a vocabulary (team, person) offer none. */
(function () {
  "use strict";
  function follow(select) {
    var input = document.getElementById(select.getAttribute("data-vocabulary-input"));
    if (!input) { return; }
    var list = document.getElementById("vokabular-" + select.value);
    if (list) { input.setAttribute("list", list.id); } else { input.removeAttribute("list"); }
    var form = select.form || document.getElementById(select.getAttribute("form"));
    var role = form && form.querySelector(".person-role");
    if (role) { role.hidden = select.value !== "person"; }
  }
  document.querySelectorAll("select[data-vocabulary-input]").forEach(function (select) {
    follow(select);
    select.addEventListener("change", function () { follow(select); });
  });
}());
