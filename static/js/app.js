// Progressive enhancement only: every page works, and every form submits, without this file.
// Loaded as a module from base.html (no inline script: the Content Security Policy allows
// only our own files).
import { CharacterCount, createAll } from "../vendor/govuk-frontend/govuk-frontend.min.js";

// Long answers: GOV.UK's character count (the limit is already in the hint without it).
createAll(CharacterCount);

// Long lists (the 153 councils): type to narrow, with accessible-autocomplete enhancing the
// plain <select>, which stays in the form and is what is submitted.
const enhance = window.accessibleAutocomplete && window.accessibleAutocomplete.enhanceSelectElement;
if (enhance) {
  document.querySelectorAll('select[data-module="app-autocomplete"]').forEach((select) => {
    enhance({
      selectElement: select,
      defaultValue: "",
      // No autoselect: its type-ahead hint is an unlabelled input (an axe failure).
      autoselect: false,
      showAllValues: true,
      dropdownArrow: () => "",
      tNoResults: () => "No council matches. Check the spelling, or leave out “council”.",
    });
  });
}
