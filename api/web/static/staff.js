// The staff console's directory panel: the same JSON API the chat page could use.
// Results go into the page with textContent only.
"use strict";

const searchForm = document.getElementById("directory-search");
const resultList = document.getElementById("directory-results");

function showLine(text) {
  const item = document.createElement("li");
  item.textContent = text;
  resultList.appendChild(item);
}

if (searchForm) {
  searchForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    resultList.replaceChildren();
    const query = new URLSearchParams({ page_size: "5" });
    for (const [name, value] of new FormData(searchForm)) {
      if (value) query.set(name, value);
    }
    let response;
    try {
      response = await fetch("/api/v1/directory/search?" + query.toString());
    } catch (networkError) {
      showLine("The directory could not be reached. Try again.");
      return;
    }
    if (response.status === 404) {
      showLine("That ZIP code is not known. Check it with the caller.");
      return;
    }
    if (!response.ok) {
      showLine("Search failed. Check the ZIP code and try again.");
      return;
    }
    const body = await response.json();
    if (body.results.length === 0) {
      showLine("Nothing found within " + body.radius_miles + " miles.");
      return;
    }
    for (const result of body.results) {
      const reasons = result.reasons.join(" · ");
      const phone = result.phone ? "Call " + result.phone : "Phone: not known, ask them";
      showLine(result.name + " (" + result.distance_miles + " mi). " + reasons + ". " + phone + ".");
    }
    for (const missing of body.not_applied) {
      showLine("Filter not applied, no data: " + missing + ". Not known, ask them.");
    }
  });
}
