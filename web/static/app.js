// hoidap chat page. Answers are put on the page as text (textContent),
// never as HTML. No request leaves this origin.
(function () {
  "use strict";
  var root = document.documentElement;
  var store = window.localStorage;
  function get(k) { try { return store.getItem(k); } catch (e) { return null; } }
  function set(k, v) { try { store.setItem(k, v); } catch (e) { /* private mode: no memory */ } }

  // Large text, remembered across visits.
  if (get("hoidap:big") === "1") root.classList.add("big");
  var big = document.getElementById("big");
  if (big) {
    big.hidden = false;
    big.setAttribute("aria-pressed", String(root.classList.contains("big")));
    big.addEventListener("click", function () {
      var on = root.classList.toggle("big");
      big.setAttribute("aria-pressed", String(on));
      set("hoidap:big", on ? "1" : "0");
    });
  }

  // The private links of questions left for the commune office, kept so
  // the resident finds them again from the chat page (no account).
  var tickets = [];
  try { tickets = JSON.parse(get("hoidap:tickets") || "[]"); } catch (e) { tickets = []; }
  if (!Array.isArray(tickets)) tickets = [];
  tickets = tickets.filter(function (x) { return x && /^\/t\/[0-9a-f]{32}$/.test(x.path); });
  var kept = document.getElementById("ticket");
  if (kept && kept.dataset.path) {
    tickets = tickets.filter(function (x) { return x.path !== kept.dataset.path; });
    tickets.unshift({ path: kept.dataset.path, commune: kept.dataset.commune, q: kept.dataset.q });
    set("hoidap:tickets", JSON.stringify(tickets.slice(0, 10)));
  }

  var form = document.getElementById("ask");
  if (!form) return;
  var T = JSON.parse(document.getElementById("i18n").textContent);
  var commune = form.dataset.commune, poster = form.dataset.poster || "";
  var box = document.getElementById("q"), log = document.getElementById("log");
  var status = document.getElementById("status"), send = document.getElementById("send");
  var key = "hoidap:chat:" + commune;
  var state = load();
  var busy = false;

  function load() {
    var s = null;
    try { s = JSON.parse(get(key) || "null"); } catch (e) { s = null; }
    if (!s || typeof s.session !== "string" || !Array.isArray(s.turns)) s = { session: newID(), turns: [] };
    return s;
  }
  function save() {
    state.turns = state.turns.slice(-20);
    set(key, JSON.stringify(state));
  }
  function newID() {
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function safeURL(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : ""; }

  // A checklist card for one source.
  function cardEl(c) {
    var li = el("li", "card");
    li.appendChild(el("h3", "", c.title || ""));
    if (c.papers && c.papers.length) {
      li.appendChild(el("p", "k", T.papers));
      var ul = el("ul", "check");
      c.papers.forEach(function (p) { ul.appendChild(el("li", "", p)); });
      li.appendChild(ul);
    }
    [["fee", c.fee], ["time", c.time], ["where", c.where]].forEach(function (f) {
      if (!f[1]) return;
      var p = el("p");
      p.appendChild(el("span", "k", T[f[0]] + ": "));
      p.appendChild(document.createTextNode(f[1]));
      li.appendChild(p);
    });
    if (c.note) li.appendChild(el("p", "note", c.note));
    [["online_url", "online", "btn"], ["url", "source_link", ""]].forEach(function (l) {
      var u = safeURL(c[l[0]]);
      if (!u) return;
      var a = el("a", l[2], T[l[1]]);
      a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer";
      var p = el("p"); p.appendChild(a); li.appendChild(p);
    });
    return li;
  }

  // One turn: question, answer, cards and the buttons under it.
  function turnEl(t) {
    var art = el("article", "turn");
    var q = el("h2", "q");
    q.appendChild(el("span", "who", T.you + ": "));
    q.appendChild(document.createTextNode(t.q));
    art.appendChild(q);
    var a = el("div", "a", t.a || T.thinking);
    if (!t.a) a.classList.add("wait");
    art.appendChild(a);
    var cards = el("ul", "cards");
    (t.sources || []).forEach(function (c) { cards.appendChild(cardEl(c)); });
    art.appendChild(cards);
    var acts = el("div", "acts");
    art.appendChild(acts);
    var view = { art: art, a: a, cards: cards, acts: acts };
    if (t.id) actions(view, t);
    log.appendChild(art);
    return view;
  }

  // Read aloud and feedback, once the answer is complete.
  function actions(view, t) {
    view.acts.textContent = "";
    if ("speechSynthesis" in window) {
      var rd = el("button", "", T.read);
      rd.type = "button";
      rd.addEventListener("click", function () { readAloud(t.a, rd); });
      view.acts.appendChild(rd);
    }
    [[true, T.helpful], [false, T.not_helpful]].forEach(function (f) {
      var b = el("button", "fb", f[1]);
      b.type = "button";
      b.dataset.helpful = String(f[0]);
      b.setAttribute("aria-pressed", String(t.fb === f[0]));
      b.addEventListener("click", function () { feedback(view, t, f[0]); });
      view.acts.appendChild(b);
    });
    var ao = el("a", t.grounded ? "ask-office" : "ask-office btn", T.ask_office);
    ao.href = "/x/" + encodeURIComponent(commune) + "/hoi-can-bo?a=" + encodeURIComponent(t.id) + (form.dataset.lang === "en" ? "&lang=en" : "");
    if (t.grounded) {
      var sh = el("a", "share", T.share);
      sh.href = "/a/" + encodeURIComponent(t.id) + (form.dataset.lang === "en" ? "?lang=en" : "");
      sh.addEventListener("click", function (e) {
        if (!navigator.share) return; // the page itself, to copy its address
        e.preventDefault();
        navigator.share({ title: t.q, url: sh.href }).catch(function () { /* closed */ });
      });
      view.acts.appendChild(sh);
    }
    view.acts.appendChild(ao);
  }

  function feedback(view, t, helpful) {
    fetch("/api/v1/feedback", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ answer_id: t.id, helpful: helpful, comment: "" })
    }).then(function (r) {
      if (!r.ok) throw new Error("feedback " + r.status);
      t.fb = helpful; save();
      view.acts.querySelectorAll(".fb").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b.dataset.helpful === String(helpful)));
      });
      status.textContent = T.thanks;
    }).catch(function () { status.textContent = T.error; });
  }

  // Read aloud in a Vietnamese voice, or say that the phone has none:
  // voices may arrive late (voiceschanged), or never; speech may never
  // start. Whatever happens, the button comes back to "Đọc to".
  var reading = null;
  function viVoice(cb) {
    var ss = window.speechSynthesis, done = false;
    function pick() { return ss.getVoices().filter(function (x) { return /^vi/i.test(x.lang); })[0] || null; }
    function end() {
      if (done) return;
      done = true;
      ss.removeEventListener("voiceschanged", end);
      cb(pick());
    }
    if (pick()) { end(); return; }
    ss.addEventListener("voiceschanged", end);
    setTimeout(end, 1500);
  }
  function readAloud(text, btn) {
    var ss = window.speechSynthesis;
    if (reading) { reading(); return; }
    var timer = 0;
    reading = function (msg) {
      reading = null; clearTimeout(timer);
      ss.cancel(); btn.textContent = T.read;
      if (msg) status.textContent = msg;
    };
    btn.textContent = T.stop_read;
    viVoice(function (v) {
      if (!reading) return; // stopped while waiting
      if (!v) { reading(T.no_voice); return; }
      var u = new SpeechSynthesisUtterance(text);
      u.lang = "vi-VN"; u.voice = v;
      u.onstart = function () { clearTimeout(timer); };
      u.onend = function () { if (reading) reading(); };
      u.onerror = function (e) { if (reading) reading(e && e.error === "interrupted" ? "" : T.read_error); };
      timer = setTimeout(function () { if (reading) reading(T.read_error); }, 5000);
      ss.speak(u);
    });
  }

  // Server-sent events out of a fetch body: blocks split by a blank line.
  function readEvents(res, on) {
    var reader = res.body.getReader(), dec = new TextDecoder(), buf = "";
    function block(b) {
      var ev = "message", data = [];
      b.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf("event:") === 0) ev = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (!data.length) return;
      var d = data.join("\n");
      try { d = JSON.parse(d); } catch (e) { /* plain text data */ }
      on(ev, d);
    }
    function pump() {
      return reader.read().then(function (r) {
        if (r.done) { if (buf.trim()) block(buf); return; }
        buf += dec.decode(r.value, { stream: true });
        var parts = buf.split(/\r?\n\r?\n/);
        buf = parts.pop();
        parts.forEach(block);
        return pump();
      });
    }
    return pump();
  }

  function deltaText(d) {
    if (typeof d === "string") return d;
    if (d && typeof d === "object") return d.text || d.delta || d.content || "";
    return "";
  }

  // A source event carries its checklist.
  function addSource(view, t, s) {
    var id = String(s.doc_id || s.id || "").split("#")[0];
    if (!id || t.sources.some(function (c) { return c.id === id; })) return;
    var c = {
      id: id, title: s.title || "", url: safeURL(s.url), papers: s.papers, fee: s.fee,
      time: s.time, where: s.where, online_url: s.online || s.online_url
    };
    t.sources.push(c);
    view.cards.appendChild(cardEl(c));
  }

  // The message for a refused request: too many questions says how long
  // to wait in the page's language, else the server's own message.
  function refusal(res, j) {
    var wait = parseInt(res.headers.get("Retry-After"), 10);
    if (res.status === 429 && wait > 0) return T.too_many.replace("%d", String(wait));
    return (j && j.error) || T.error;
  }

  function ask(q) {
    q = q.trim();
    if (!q) { status.textContent = T.empty; return; }
    if (q.length > 500) { status.textContent = T.too_long; return; }
    if (busy) return;
    busy = true; send.disabled = true; status.textContent = "";
    var t = { q: q, a: "", sources: [], id: "" };
    var view = turnEl(t);
    view.art.scrollIntoView({ block: "start" });
    box.value = "";
    var body = { question: q, commune: commune, session: state.session, lang: form.dataset.lang };
    if (poster) body.poster = poster;
    function show(text) { view.a.classList.remove("wait"); view.a.textContent = text; }
    fetch("/api/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify(body)
    }).then(function (res) {
      if (!res.ok) {
        return res.json().catch(function () { return {}; }).then(function (j) { throw new Error(refusal(res, j)); });
      }
      if ((res.headers.get("Content-Type") || "").indexOf("text/event-stream") < 0) {
        return res.json().then(function (j) {
          (j.sources || []).forEach(function (s) { addSource(view, t, s); });
          t.a = j.answer || ""; t.id = j.id || ""; t.grounded = !!j.grounded; show(t.a);
        });
      }
      return readEvents(res, function (ev, d) {
        if (ev === "delta") { t.a += deltaText(d); show(t.a); }
        else if (ev === "source") addSource(view, t, d);
        else if (ev === "done") {
          if (d && typeof d === "object") {
            t.id = d.id || d.answer_id || t.id;
            t.grounded = !!d.grounded;
            if (typeof d.answer === "string" && d.answer) t.a = d.answer;
            (d.sources || []).forEach(function (s) { addSource(view, t, s); });
          }
          show(t.a);
        } else if (ev === "error") {
          throw new Error((d && d.error) || T.error);
        }
      });
    }).then(function () {
      if (!t.a) throw new Error(T.error);
      state.turns.push(t); save();
      actions(view, t);
      document.getElementById("clear").hidden = false;
    }).catch(function (e) {
      show(e && e.message ? e.message : T.error);
      view.a.classList.add("wait");
    }).then(function () { busy = false; send.disabled = false; });
  }

  // Restore the conversation after a reload.
  state.turns.forEach(turnEl);
  var clear = document.getElementById("clear");
  clear.hidden = !state.turns.length;
  clear.addEventListener("click", function () {
    state = { session: newID(), turns: [] }; save();
    log.textContent = ""; clear.hidden = true;
  });

  // The questions this browser left for this commune's office, last.
  var mine = tickets.filter(function (x) { return x.commune === commune; });
  if (mine.length) {
    var sec = el("section", "mine");
    sec.appendChild(el("h2", "", T.my_tickets));
    var ul = el("ul", "results");
    mine.forEach(function (x) {
      var a = el("a", "", x.q || x.path), li = el("li");
      a.href = x.path + (form.dataset.lang === "en" ? "?lang=en" : "");
      li.appendChild(a); ul.appendChild(li);
    });
    sec.appendChild(ul);
    document.querySelector(".wrap").appendChild(sec);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var s = e.submitter;
    ask(s && s.name === "s" ? s.value : box.value);
  });
  box.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing) { e.preventDefault(); ask(box.value); }
  });

  // Voice: the browser's recogniser, else a recording sent to the server,
  // else no button. The words go into the box, to correct before sending.
  var mic = document.getElementById("mic");
  var SR = window.SpeechRecognition || window.webkitSpeechRecognition;
  var canRecord = form.dataset.stt === "1" && window.MediaRecorder && navigator.mediaDevices && navigator.mediaDevices.getUserMedia;
  var rec = null;
  function micOn(on) { mic.classList.toggle("on", on); mic.textContent = (on ? T.mic_stop : T.mic); }
  function heard(text) { box.value = text; box.focus(); status.textContent = T.check_text; }
  if (SR) {
    mic.hidden = false;
    mic.addEventListener("click", function () {
      if (rec) { rec.stop(); return; }
      rec = new SR();
      rec.lang = "vi-VN"; rec.interimResults = true; rec.maxAlternatives = 1;
      rec.onresult = function (e) {
        var s = "";
        for (var i = 0; i < e.results.length; i++) s += e.results[i][0].transcript;
        box.value = s;
      };
      rec.onerror = function () { status.textContent = T.mic_error; };
      rec.onend = function () { rec = null; micOn(false); if (box.value) heard(box.value); };
      status.textContent = T.listening; micOn(true);
      rec.start();
    });
  } else if (canRecord) {
    mic.hidden = false;
    mic.addEventListener("click", function () {
      if (rec) { rec.stop(); return; }
      navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
        var chunks = [];
        rec = new MediaRecorder(stream);
        rec.ondataavailable = function (e) { chunks.push(e.data); };
        rec.onstop = function () {
          stream.getTracks().forEach(function (tr) { tr.stop(); });
          rec = null; micOn(false);
          status.textContent = T.transcribing;
          var blob = new Blob(chunks, { type: chunks[0] ? chunks[0].type : "audio/webm" });
          fetch("/api/v1/transcribe", { method: "POST", headers: { "Content-Type": blob.type || "audio/webm" }, body: blob })
            .then(function (r) {
              return r.json().catch(function () { return {}; }).then(function (j) { if (!r.ok) throw new Error(refusal(r, j)); return j; });
            })
            .then(function (j) { heard(j.text || ""); })
            .catch(function (e) { status.textContent = (e && e.message) || T.mic_error; });
        };
        rec.start();
        micOn(true); status.textContent = T.listening;
        setTimeout(function () { if (rec) rec.stop(); }, 30000);
      }).catch(function () { status.textContent = T.mic_error; });
    });
  }
})();
