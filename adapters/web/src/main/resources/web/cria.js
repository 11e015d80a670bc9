// Cria's playground: sends a message without leaving the page and shows the answer as it streams
// (Server-Sent Events). The server renders the Markdown to safe HTML; this script only places it.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const composer = document.getElementById("composer");
  if (!composer) {
    return;
  }
  const transcript = document.getElementById("transcript");
  const message = document.getElementById("message");
  const send = document.getElementById("send");

  function turn(role, text) {
    const empty = document.getElementById("empty");
    if (empty) {
      empty.remove();
    }
    const div = document.createElement("div");
    div.className = "turn " + role;
    const who = document.createElement("div");
    who.className = "who";
    who.textContent = role === "user" ? "You" : "Cria";
    const body = document.createElement("div");
    body.className = "body";
    body.textContent = text;
    div.append(who, body);
    transcript.append(div);
    div.scrollIntoView({block: "end"});
    return div;
  }

  // Thumbs up and down for an answer that just streamed in: it is named by its event id.
  function feedback(eventId) {
    const meta = document.createElement("div");
    meta.className = "meta";
    const form = document.createElement("form");
    form.method = "post";
    form.action = composer.action.replace(/\/messages$/, "/feedback");
    form.className = "feedback";
    const hidden = (name, value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    };
    hidden("csrf", composer.querySelector("input[name=csrf]").value);
    hidden("event", eventId);
    for (const [value, label, title] of [["up", "\u25B2 Good", "Good answer"], ["down", "\u25BC Bad", "Bad answer"]]) {
      const button = document.createElement("button");
      button.type = "submit";
      button.name = "rating";
      button.value = value;
      button.title = title;
      button.className = "thumb";
      button.textContent = label;
      form.append(button);
    }
    meta.append(form);
    return meta;
  }

  message.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  composer.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = message.value.trim();
    if (!text) {
      return;
    }
    send.disabled = true;
    turn("user", text);
    const answer = turn("assistant streaming", "…");
    answer.id = "streaming";
    const body = new URLSearchParams(new FormData(composer));
    message.value = "";
    try {
      const response = await fetch(composer.action, {
        method: "POST",
        body,
        headers: {"Accept": "text/plain"},
        credentials: "same-origin",
      });
      if (!response.ok) {
        answer.querySelector(".body").textContent = await response.text();
        answer.classList.add("failed");
        send.disabled = false;
        return;
      }
      const stream = await response.text();
      const source = new EventSource(stream);
      const show = (event) => {
        answer.querySelector(".body").innerHTML = event.data;
      };
      source.addEventListener("update", show);
      const end = (event) => {
        show(event);
        source.close();
        answer.classList.remove("streaming");
        answer.classList.add(event.type);
        answer.id = "";
        send.disabled = false;
        if (event.type === "done") {
          answer.append(feedback(stream.substring(stream.lastIndexOf("/") + 1)));
        }
      };
      source.addEventListener("done", end);
      source.addEventListener("failed", end);
    } catch (error) {
      answer.querySelector(".body").textContent = "Could not reach Cria: " + error;
      send.disabled = false;
    }
  });
});
