// Type-ahead pickers for choices among people (docs/architecture.md, "Pickers"). A field rendered with data-picker (a
// fieldset of checkboxes, or a select) keeps working without script; with it, the field becomes an ARIA 1.2 combobox
// (an input with a listbox popup, aria-activedescendant) that asks the server for matching people as one types, and the
// chosen people become hidden inputs of the field's own name, so the form posts exactly what it posted before.
(() => {
  "use strict";
  let counter = 0;

  function debounce(fn, ms) {
    let timer;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
  }

  function el(tag, attrs = {}, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The combobox itself: calls onChoose(person) with {id, name, detail}.
  // What a picker says, by what its field chooses among (data-picker-noun="agency" or "product", else people): its search box's name,
  // and what a screen reader hears ("3 people found", "1 agency found").
  function wordsOf(field, fieldLabel) {
    switch (field.dataset.pickerNoun) {
      case "agency":
        return { one: "agency", many: "agencies", noneFound: "No agency found.", noneChosen: "No agency chosen yet.", add: "Add an agency", find: "Find an agency" };
      case "product":
        return { one: "product", many: "products", noneFound: "No product found.", noneChosen: "No product chosen yet.", add: "Add a product", find: "Find a product" };
      default:
        return { one: "person", many: "people", noneFound: "Nobody found.", noneChosen: "Nobody chosen yet.",
          add: `Add to ${fieldLabel.toLowerCase()}`, find: `Find ${fieldLabel.toLowerCase()}` };
    }
  }

  function combobox(host, labelText, source, agencyField, onChoose, alreadyChosen, words) {
    const id = `picker-${++counter}`;
    const wrap = el("div", { class: "liaison-picker" });
    const label = el("label", { class: "usa-label", for: `${id}-input` }, labelText);
    const input = el("input", {
      id: `${id}-input`, class: "usa-input", type: "text", role: "combobox", autocomplete: "off", spellcheck: "false",
      "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": `${id}-list`, "aria-describedby": `${id}-help`,
    });
    const help = el("span", { id: `${id}-help`, class: "usa-hint" }, "Type part of a name, then choose with the arrow keys and Enter.");
    const list = el("ul", { id: `${id}-list`, role: "listbox", class: "liaison-picker__list", "aria-label": labelText, hidden: "" });
    const status = el("div", { class: "usa-sr-only", role: "status", "aria-live": "polite" });
    wrap.append(label, help, input, list, status);
    host.append(wrap);

    let options = [];
    let active = -1;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const items = list.querySelectorAll("[role=option]");
      items.forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
      active = index;
      if (index >= 0 && items[index]) {
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else input.removeAttribute("aria-activedescendant");
    }

    function choose(index) {
      const person = options[index];
      if (!person) return;
      onChoose(person);
      input.value = "";
      close();
      status.textContent = `${person.name} added.`;
    }

    function render(people) {
      options = people.filter(p => !alreadyChosen(p.id));
      list.replaceChildren();
      options.forEach((p, i) => {
        const option = el("li", { id: `${id}-option-${i}`, role: "option", class: "liaison-picker__option", "aria-selected": "false" });
        option.append(el("span", {}, p.name));
        if (p.detail) option.append(el("span", { class: "liaison-picker__detail" }, ` ${p.detail}`));
        // mousedown, not click: the input keeps its focus.
        option.addEventListener("mousedown", e => { e.preventDefault(); choose(i); });
        list.append(option);
      });
      const open = options.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      highlight(open ? 0 : -1);
      status.textContent = open ? `${options.length} ${options.length === 1 ? words.one : words.many} found.` : words.noneFound;
    }

    let asked = 0;
    const search = debounce(async () => {
      const q = input.value.trim();
      if (q.length === 0) { close(); status.textContent = ""; return; }
      const url = new URL(source, window.location.origin);
      url.searchParams.set("q", q);
      if (agencyField) {
        document.querySelectorAll(`input[name="${CSS.escape(agencyField)}"]:checked, input[type=hidden][name="${CSS.escape(agencyField)}"], select[name="${CSS.escape(agencyField)}"]`)
          .forEach(a => { if (a.value) url.searchParams.append("agencyId", a.value); });
      }
      const mine = ++asked;
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const people = await response.json();
        if (mine === asked) render(people);
      } catch {
        if (mine === asked) { close(); status.textContent = "Searching failed; try again."; }
      }
    }, 150);

    input.addEventListener("input", search);
    input.addEventListener("keydown", e => {
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (list.hidden && input.value.trim()) search();
        else if (options.length) highlight((active + 1) % options.length);
      } else if (e.key === "ArrowUp") {
        e.preventDefault();
        if (options.length) highlight((active - 1 + options.length) % options.length);
      } else if (e.key === "Enter") {
        if (!list.hidden && active >= 0) { e.preventDefault(); choose(active); }
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); close(); } else input.value = "";
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 100));
    return input;
  }

  // A fieldset of checkboxes: the chosen become a list of removable names, and the type-ahead adds more.
  function enhanceChoices(fieldset) {
    const boxes = [...fieldset.querySelectorAll("input[type=checkbox]")];
    if (boxes.length === 0) return;
    const name = boxes[0].name;
    const legend = fieldset.querySelector("legend")?.textContent.replace("*", "").trim() || "People";
    const chosen = el("ul", { class: "liaison-picker__chosen usa-list usa-list--unstyled", "aria-label": `${legend}: chosen` });
    const ids = new Set();

    function add(person) {
      if (ids.has(String(person.id))) return;
      ids.add(String(person.id));
      const item = el("li", { class: "liaison-picker__chip" });
      const hidden = el("input", { type: "hidden", name, value: String(person.id) });
      const remove = el("button", { type: "button", class: "usa-button usa-button--unstyled liaison-picker__remove", "aria-label": `Remove ${person.name}` }, "Remove");
      remove.addEventListener("click", () => {
        ids.delete(String(person.id));
        const next = item.nextElementSibling?.querySelector("button") ?? item.previousElementSibling?.querySelector("button") ?? input;
        item.remove();
        next.focus();
      });
      item.append(el("span", {}, person.name), hidden, remove);
      chosen.append(item);
    }

    // The boxes' containers go; what was ticked stays chosen.
    const ticked = boxes.filter(b => b.checked).map(b => ({ id: b.value, name: fieldset.querySelector(`label[for="${CSS.escape(b.id)}"]`)?.textContent ?? b.value }));
    fieldset.querySelectorAll(".liaison-choice-columns, .liaison-choice-group, .usa-checkbox").forEach(n => n.remove());
    fieldset.append(chosen);
    ticked.forEach(add);
    const words = wordsOf(fieldset, legend);
    const input = combobox(fieldset, words.add, fieldset.dataset.picker, fieldset.dataset.pickerAgencies, add, id => ids.has(String(id)), words);
    fieldset.classList.add("liaison-picker-field");
  }

  // A select: it stays (hidden) as the value; the type-ahead shows and sets it.
  function enhanceSelect(select) {
    const group = select.closest(".usa-form-group");
    const labelNode = group?.querySelector(`label[for="${CSS.escape(select.id)}"]`);
    const labelText = labelNode?.textContent.replace("*", "").trim() || "Person";
    const words = wordsOf(select, labelText);
    const current = el("p", { class: "liaison-picker__current", "aria-live": "polite" });
    function show() {
      const option = select.selectedOptions[0];
      current.textContent = option && option.value ? `Chosen: ${option.textContent}` : words.noneChosen;
    }
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    if (labelNode) labelNode.removeAttribute("for");
    const host = el("div");
    select.after(host);
    host.append(current);
    const input = combobox(host, words.find, select.dataset.picker, select.dataset.pickerAgencies, person => {
      let option = [...select.options].find(o => o.value === String(person.id));
      if (!option) { option = el("option", { value: String(person.id) }, person.name); select.append(option); }
      select.value = String(person.id);
      select.dispatchEvent(new Event("change", { bubbles: true }));
      show();
    }, id => select.value === String(id), words);
    if (labelNode) {
      // The field's own label names the search box; the picker's "Find …" is for screen readers only, not a second heading.
      labelNode.setAttribute("for", input.id);
      host.querySelector(".liaison-picker > label.usa-label")?.classList.add("usa-sr-only");
    }
    // An optional choice (the select offers an empty option) can be taken back.
    if ([...select.options].some(o => o.value === "")) {
      const clear = el("button", { type: "button", class: "usa-button usa-button--unstyled liaison-picker__clear" }, `Clear ${labelText.toLowerCase()}`);
      clear.addEventListener("click", () => { select.value = ""; show(); input.focus(); });
      host.append(clear);
    }
    show();
  }

  document.querySelectorAll("fieldset[data-picker]").forEach(enhanceChoices);
  document.querySelectorAll("select[data-picker]").forEach(enhanceSelect);
})();
