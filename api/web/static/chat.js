// The patient chat page. Every bot and user text goes into the page with textContent,
// never as HTML, so nothing a message contains can run as code. The page's own words
// come from data attributes the server fills in the page's language (web.yml).
"use strict";

const STORAGE_KEY = "navigator.session";
const POLL_MS = 4000;
// History entries already on screen, so a poll adds only what is new (a staff reply).
let knownEntries = 0;
let sending = false;
const log = document.getElementById("log");
const typing = document.getElementById("typing");
const form = document.getElementById("composer");
const input = document.getElementById("message");
const startOver = document.getElementById("start-over");
const PAGE_LANG = document.documentElement.lang === "es" ? "es" : "en";

function newSessionId() {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return "web-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function sessionId() {
  let id = localStorage.getItem(STORAGE_KEY);
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    id = newSessionId();
    localStorage.setItem(STORAGE_KEY, id);
  }
  return id;
}

function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
}

function addMessage(role, text, extraClass) {
  if (role === "user") resultList = null;
  const bubble = document.createElement("div");
  bubble.className = "msg " + role + (extraClass ? " " + extraClass : "");
  if (extraClass === "staff") {
    const label = document.createElement("span");
    label.className = "from";
    label.textContent = log.dataset.fromTeam;
    bubble.appendChild(label);
  }
  bubble.appendChild(document.createTextNode(text));
  log.appendChild(bubble);
  scrollToEnd();
  return bubble;
}

function clearQuickReplies() {
  log.querySelectorAll(".quick-replies").forEach((group) => group.remove());
}

function addQuickReplies(buttons) {
  clearQuickReplies();
  if (!buttons || buttons.length === 0) return;
  const group = document.createElement("div");
  group.className = "quick-replies";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", log.dataset.suggestedReplies);
  for (const button of buttons) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = button.title;
    element.addEventListener("click", () => send(button.payload, button.title));
    group.appendChild(element);
  }
  log.appendChild(group);
  scrollToEnd();
}

// A directory result as a card in a list: its name as a heading, the distance, badges,
// the address, a call link and a directions link, each labelled for screen readers.
// The page's own words come from data attributes on the log (index.html).
function addCard(list, card) {
  const words = log.dataset;
  const item = document.createElement("li");
  item.className = "card";
  const heading = document.createElement("h3");
  heading.textContent = card.name;
  item.appendChild(heading);
  const distance = document.createElement("p");
  distance.className = "distance";
  distance.textContent = card.distance;
  item.appendChild(distance);
  if (card.badges && card.badges.length) {
    const badges = document.createElement("ul");
    badges.className = "badges";
    for (const text of card.badges) {
      const badge = document.createElement("li");
      badge.textContent = text;
      if (card.for_only && /veteran|military/i.test(text)) badge.className = "restricted";
      badges.appendChild(badge);
    }
    item.appendChild(badges);
  }
  if (card.address) {
    const address = document.createElement("p");
    address.className = "address";
    address.textContent = card.address;
    item.appendChild(address);
  }
  const actions = document.createElement("p");
  actions.className = "card-actions";
  if (card.tel) {
    const call = document.createElement("a");
    call.href = card.tel;
    call.textContent = words.callLabel + " " + card.phone;
    call.setAttribute("aria-label", words.callLabel + " " + card.name + ", " + card.phone);
    actions.appendChild(call);
  }
  if (card.directions && /^https:\/\//.test(card.directions)) {
    const directions = document.createElement("a");
    directions.href = card.directions;
    directions.target = "_blank";
    directions.rel = "noopener noreferrer";
    directions.textContent = words.directionsText;
    directions.setAttribute("aria-label", words.directionsLabel + " " + card.name + words.newTab);
    actions.appendChild(directions);
  }
  item.appendChild(actions);
  list.appendChild(item);
}

// Consecutive result cards share one list; any other message ends it.
let resultList = null;

function addBotReply(reply, extraClass) {
  if (!reply.card) {
    resultList = null;
    addMessage("bot", reply.text, extraClass);
    return;
  }
  if (!resultList) {
    resultList = document.createElement("ul");
    resultList.className = "results";
    resultList.setAttribute("aria-label", log.dataset.resultsLabel);
    log.appendChild(resultList);
  }
  addCard(resultList, reply.card);
  scrollToEnd();
}

function addReplies(replies) {
  let buttons = [];
  for (const reply of replies) {
    addBotReply(reply);
    buttons = reply.buttons || [];
  }
  addQuickReplies(buttons);
}

async function problemText(response) {
  try {
    const body = await response.json();
    if (body && typeof body.message === "string") return body.message;
  } catch (ignored) {
    // Not JSON: fall through to the generic message.
  }
  return log.dataset.error;
}

// Each message gets an id, and a message whose answer was lost on the way (a dropped
// connection) is sent again with the same id: the server answers it once, so a retry
// never moves the conversation on twice.
function newMessageId() {
  if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
  return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
}

async function postMessage(text) {
  // The page's language goes with each message: a button or an "ok" is answered in it.
  const body = JSON.stringify({
    session_id: sessionId(),
    text: text,
    message_id: newMessageId(),
    lang: PAGE_LANG,
  });
  const request = () =>
    fetch("/api/v1/chat", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: body,
    });
  try {
    return await request();
  } catch (firstError) {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return request();
  }
}

async function send(text, shownAs) {
  sending = true;
  clearQuickReplies();
  if (shownAs) addMessage("user", shownAs);
  typing.hidden = false;
  scrollToEnd();
  try {
    const response = await postMessage(text);
    if (response.ok) {
      const replies = (await response.json()).replies;
      addReplies(replies);
      knownEntries += 1 + replies.length;
    } else {
      addMessage("bot", await problemText(response), "error");
    }
  } catch (networkError) {
    addMessage("bot", log.dataset.offline, "error");
  } finally {
    typing.hidden = true;
    sending = false;
    input.focus();
  }
}

// A button's payload ("/step_insurance") is shown as the button's title, as it was when
// the person clicked it.
function shownText(entry, previousButtons) {
  if (!entry.text.startsWith("/")) return entry.text;
  const clicked = previousButtons.find((b) => b.payload === entry.text);
  return clicked ? clicked.title : null;
}

async function fetchHistory() {
  const response = await fetch("/api/v1/chat/" + encodeURIComponent(sessionId()) + "/history");
  return response.ok ? (await response.json()).messages : null;
}

function showEntries(entries) {
  let buttons = [];
  for (const entry of entries) {
    if (entry.role === "user") {
      const text = shownText(entry, buttons);
      if (text) addMessage("user", text);
    } else {
      addBotReply(entry, entry.from_staff ? "staff" : "");
      buttons = entry.buttons || [];
    }
  }
  knownEntries += entries.length;
  return buttons;
}

async function restore() {
  const entries = await fetchHistory();
  if (entries === null) return false;
  addQuickReplies(showEntries(entries));
  return entries.length > 0;
}

// A staff member's reply arrives in the history; look for it every few seconds.
async function poll() {
  if (sending || document.hidden) return;
  const entries = await fetchHistory().catch(() => null);
  if (sending || entries === null || entries.length <= knownEntries) return;
  const buttons = showEntries(entries.slice(knownEntries));
  if (buttons.length) addQuickReplies(buttons);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  send(text, text);
});

startOver.addEventListener("click", () => {
  localStorage.removeItem(STORAGE_KEY);
  log.replaceChildren();
  resultList = null;
  knownEntries = 0;
  send("/greet", null);
});

setInterval(poll, POLL_MS);

restore()
  .then((restored) => {
    if (!restored) send("/greet", null);
  })
  .catch(() => send("/greet", null));
