/* Activation explorer: draws f and f′ of the selected activations on a canvas.
 *
 * Holds no formula: every f and df comes from assets/explorer/functions.js, which
 * scripts/generate.py prints from the catalog's SymPy expressions. This file only
 * builds the controls, draws, and reads values under the cursor. Re-initialised on
 * every page load, including Material's instant navigation (document$).
 */
(function () {
  "use strict";

  const PALETTE = ["#3b82f6", "#e4572e", "#17a673", "#a855f7", "#e0a100", "#0ea5b7", "#d6336c"];
  const X_MIN = -6;
  const X_MAX = 6;
  const SAMPLES = 601;

  function cssVar(el, name, fallback) {
    const v = getComputedStyle(el).getPropertyValue(name).trim();
    return v || fallback;
  }

  function fmt(v) {
    if (!Number.isFinite(v)) return String(v);
    if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4)) return v.toExponential(4);
    return v.toFixed(4);
  }

  function Explorer(root) {
    this.root = root;
    this.fns = window.ATLAS_FUNCTIONS;
    this.state = {}; // name -> {params: {...}, choice: string|null}
    this.selected = ["gelu", "relu", "silu"].filter((n) => n in this.fns);
    if (!this.selected.length) this.selected = Object.keys(this.fns).slice(0, 1);
    this.cursor = 0.5;
    this.build();
    this.draw();
  }

  Explorer.prototype.paramsOf = function (name) {
    if (!this.state[name]) {
      const params = {};
      for (const p of this.fns[name].params) params[p.name] = p.default;
      const choice = this.fns[name].choice ? this.fns[name].choice.options[0] : null;
      this.state[name] = { params: params, choice: choice };
    }
    return this.state[name];
  };

  Explorer.prototype.evaluate = function (name, which, x) {
    const spec = this.fns[name];
    const st = this.paramsOf(name);
    let impl = spec;
    if (spec.choice && st.choice !== spec.choice.options[0]) impl = spec.variants[st.choice];
    return impl[which](x, st.params);
  };

  Explorer.prototype.build = function () {
    const root = this.root;
    root.textContent = "";

    const pick = document.createElement("fieldset");
    pick.className = "atlas-explorer__pick";
    const legend = document.createElement("legend");
    legend.textContent = "Activations";
    pick.appendChild(legend);
    const select = document.createElement("select");
    select.multiple = true;
    select.size = 8;
    select.id = "atlas-explorer-select";
    select.setAttribute("aria-label", "Activations to plot (select several with Ctrl or Shift)");
    const families = window.ATLAS_FAMILIES || {};
    const groups = {};
    for (const name of Object.keys(this.fns)) {
      const fam = this.fns[name].family;
      if (!groups[fam]) {
        groups[fam] = document.createElement("optgroup");
        groups[fam].label = families[fam] || fam;
        select.appendChild(groups[fam]);
      }
      const opt = document.createElement("option");
      opt.value = name;
      opt.textContent = this.fns[name].title;
      opt.selected = this.selected.includes(name);
      groups[fam].appendChild(opt);
    }
    select.addEventListener("change", () => {
      this.selected = Array.from(select.selectedOptions).map((o) => o.value);
      this.buildParams();
      this.draw();
    });
    pick.appendChild(select);
    root.appendChild(pick);

    this.paramBox = document.createElement("div");
    this.paramBox.className = "atlas-explorer__params";
    root.appendChild(this.paramBox);

    const figure = document.createElement("div");
    figure.className = "atlas-explorer__figure";
    this.canvas = document.createElement("canvas");
    this.canvas.id = "atlas-explorer-canvas";
    this.canvas.tabIndex = 0;
    this.canvas.setAttribute("role", "img");
    this.canvas.setAttribute(
      "aria-label",
      "Plot of f (solid) and f′ (dashed). Arrow keys move the cursor; values are read out below."
    );
    this.canvas.dataset.renders = "0";
    figure.appendChild(this.canvas);
    root.appendChild(figure);

    this.readout = document.createElement("output");
    this.readout.className = "atlas-explorer__readout";
    this.readout.id = "atlas-explorer-readout";
    this.readout.setAttribute("aria-live", "polite");
    root.appendChild(this.readout);

    this.canvas.addEventListener("mousemove", (ev) => {
      const rect = this.canvas.getBoundingClientRect();
      this.cursor = X_MIN + ((ev.clientX - rect.left) / rect.width) * (X_MAX - X_MIN);
      this.draw();
    });
    this.canvas.addEventListener("keydown", (ev) => {
      const step = ev.shiftKey ? 1 : 0.1;
      if (ev.key === "ArrowLeft") this.cursor = Math.max(X_MIN, this.cursor - step);
      else if (ev.key === "ArrowRight") this.cursor = Math.min(X_MAX, this.cursor + step);
      else return;
      ev.preventDefault();
      this.draw();
    });
    this.resizeObserver = new ResizeObserver(() => this.draw());
    this.resizeObserver.observe(figure);
    this.themeObserver = new MutationObserver(() => this.draw());
    this.themeObserver.observe(document.body, { attributes: true });
    this.buildParams();
  };

  Explorer.prototype.buildParams = function () {
    const box = this.paramBox;
    box.textContent = "";
    for (const name of this.selected) {
      const spec = this.fns[name];
      const st = this.paramsOf(name);
      if (!spec.params.length && !spec.choice) continue;
      const group = document.createElement("fieldset");
      const legend = document.createElement("legend");
      legend.textContent = spec.title;
      group.appendChild(legend);
      for (const p of spec.params) {
        const id = `atlas-${name}-${p.name}`;
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = `${p.name} = `;
        const value = document.createElement("span");
        value.textContent = fmt(st.params[p.name]);
        label.appendChild(value);
        const input = document.createElement("input");
        input.type = "range";
        input.id = id;
        input.min = p.min;
        input.max = p.max;
        input.step = p.step;
        input.value = st.params[p.name];
        input.title = p.description;
        input.addEventListener("input", () => {
          st.params[p.name] = Number(input.value);
          value.textContent = fmt(st.params[p.name]);
          this.draw();
        });
        group.appendChild(label);
        group.appendChild(input);
      }
      if (spec.choice) {
        const id = `atlas-${name}-${spec.choice.name}`;
        const label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = `${spec.choice.name} `;
        const sel = document.createElement("select");
        sel.id = id;
        for (const o of spec.choice.options) {
          const opt = document.createElement("option");
          opt.value = o;
          opt.textContent = o;
          opt.selected = o === st.choice;
          sel.appendChild(opt);
        }
        sel.addEventListener("change", () => {
          st.choice = sel.value;
          this.draw();
        });
        group.appendChild(label);
        group.appendChild(sel);
      }
      box.appendChild(group);
    }
  };

  Explorer.prototype.curves = function () {
    const out = [];
    this.selected.forEach((name, i) => {
      for (const which of ["f", "df"]) {
        const ys = new Float64Array(SAMPLES);
        for (let k = 0; k < SAMPLES; k++) {
          const x = X_MIN + ((X_MAX - X_MIN) * k) / (SAMPLES - 1);
          ys[k] = this.evaluate(name, which, x);
        }
        out.push({ name: name, which: which, color: PALETTE[i % PALETTE.length], ys: ys });
      }
    });
    return out;
  };

  Explorer.prototype.draw = function () {
    const canvas = this.canvas;
    const width = Math.max(canvas.parentElement.clientWidth, 200);
    const height = Math.round(Math.min(480, width * 0.62));
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
    const ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);

    const fg = cssVar(document.body, "--md-default-fg-color", "#000");
    const muted = cssVar(document.body, "--md-default-fg-color--lighter", "#999");
    const bg = cssVar(document.body, "--md-default-bg-color", "#fff");
    ctx.fillStyle = bg;
    ctx.fillRect(0, 0, width, height);

    const curves = this.curves();
    let lo = -1;
    let hi = 1;
    for (const c of curves) {
      for (const y of c.ys) {
        if (Number.isFinite(y)) {
          lo = Math.min(lo, y);
          hi = Math.max(hi, y);
        }
      }
    }
    lo = Math.max(lo, -8);
    hi = Math.min(hi, 8);
    const pad = 0.08 * (hi - lo);
    lo -= pad;
    hi += pad;
    const sx = (x) => ((x - X_MIN) / (X_MAX - X_MIN)) * width;
    const sy = (y) => height - ((y - lo) / (hi - lo)) * height;

    ctx.strokeStyle = muted;
    ctx.lineWidth = 1;
    ctx.font = "12px sans-serif";
    ctx.fillStyle = muted;
    for (let x = Math.ceil(X_MIN); x <= X_MAX; x++) {
      ctx.globalAlpha = x === 0 ? 1 : 0.35;
      ctx.beginPath();
      ctx.moveTo(sx(x), 0);
      ctx.lineTo(sx(x), height);
      ctx.stroke();
      ctx.globalAlpha = 1;
      if (x !== 0) ctx.fillText(String(x), sx(x) + 2, sy(0) - 3 > 12 ? sy(0) - 3 : 12);
    }
    const ystep = hi - lo > 6 ? 2 : hi - lo > 3 ? 1 : 0.5;
    for (let y = Math.ceil(lo / ystep) * ystep; y <= hi; y += ystep) {
      ctx.globalAlpha = Math.abs(y) < 1e-12 ? 1 : 0.35;
      ctx.beginPath();
      ctx.moveTo(0, sy(y));
      ctx.lineTo(width, sy(y));
      ctx.stroke();
      ctx.globalAlpha = 1;
      if (Math.abs(y) > 1e-12) ctx.fillText(String(+y.toFixed(2)), sx(0) + 3, sy(y) - 2);
    }

    let signature = 0;
    for (const c of curves) {
      ctx.strokeStyle = c.color;
      ctx.lineWidth = 2;
      ctx.setLineDash(c.which === "df" ? [6, 4] : []);
      ctx.beginPath();
      let pen = false;
      c.ys.forEach((y, k) => {
        const x = X_MIN + ((X_MAX - X_MIN) * k) / (SAMPLES - 1);
        if (!Number.isFinite(y)) {
          pen = false;
          return;
        }
        signature = (signature * 31 + Math.round(y * 1e6)) % 2147483647;
        const py = sy(Math.max(Math.min(y, hi + 10), lo - 10));
        if (pen) ctx.lineTo(sx(x), py);
        else ctx.moveTo(sx(x), py);
        pen = true;
      });
      ctx.stroke();
    }
    ctx.setLineDash([]);

    ctx.strokeStyle = fg;
    ctx.globalAlpha = 0.6;
    ctx.beginPath();
    ctx.moveTo(sx(this.cursor), 0);
    ctx.lineTo(sx(this.cursor), height);
    ctx.stroke();
    ctx.globalAlpha = 1;

    // The readout doubles as the legend: a colour swatch per function.
    this.readout.textContent = `x = ${fmt(this.cursor)}`;
    this.selected.forEach((name, i) => {
      const row = document.createElement("span");
      row.className = "atlas-explorer__row";
      row.dataset.name = name;
      const swatch = document.createElement("span");
      swatch.className = "atlas-explorer__swatch";
      swatch.style.background = PALETTE[i % PALETTE.length];
      row.appendChild(swatch);
      const f = this.evaluate(name, "f", this.cursor);
      const df = this.evaluate(name, "df", this.cursor);
      row.appendChild(
        document.createTextNode(`${this.fns[name].title}: f = ${fmt(f)}, f′ = ${fmt(df)}`)
      );
      this.readout.appendChild(row);
    });
    canvas.dataset.signature = String(signature);
    canvas.dataset.background = bg;
    canvas.dataset.renders = String(Number(canvas.dataset.renders) + 1);
  };

  function init() {
    const root = document.getElementById("atlas-explorer");
    if (root && window.ATLAS_FUNCTIONS && !root.dataset.ready) {
      root.dataset.ready = "1";
      window.atlasExplorer = new Explorer(root);
    }
  }

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
