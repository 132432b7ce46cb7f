/* Site: notes. Progressive enhancement only; without this file every
   reference is a link to its note and every note links back.
   - Where a note is not in the margin (below 80em, or no CSS anchor
     positioning), activating a reference (click, tap, Enter, Space) shows
     that same note element as a popover at the reference. Escape, a second
     activation or a click elsewhere closes it; focus goes back to the
     reference. Mouse hover previews it after an intent delay.
   - A reference, its phrase and its note are highlighted together while
     any of them is hovered or focused.
   - A clamped margin note opens and closes on click, and on its "more"
     link (a disclosure: aria-expanded), which without this file opens it
     as the :target. */
(() => {
  'use strict';
  const d = document, root = d.documentElement;
  const wide = matchMedia('screen and (min-width: 80em)');
  const canPop = typeof HTMLElement.prototype.showPopover === 'function';
  const HOVER_OPEN = 400, HOVER_CLOSE = 300, GAP = 6, EDGE = 8;
  let cur = null; // open popover: { ref, note, pinned }
  let openTimer = 0, closeTimer = 0, scrolled = 0;

  const idOf = a => {
    const h = (a.getAttribute('href') || '').slice(1);
    try { return decodeURIComponent(h); } catch { return h; }
  };
  const refs = () => d.querySelectorAll('a.note-ref');
  const noteOf = ref => { const n = d.getElementById(idOf(ref)); return n && n.matches('.note') ? n : null; };
  const inMargin = note => !note.classList.contains('is-pop') && getComputedStyle(note).position === 'absolute';
  const popMode = note => canPop && !!note && (note.classList.contains('is-pop') || !inMargin(note));

  /* Highlight groups: phrase(s) + reference(s) + note. */
  const lit = { hover: '', focus: '', pop: '' };
  function paint(id, on) {
    if (!id) return;
    for (const el of d.querySelectorAll('mark.note-phrase')) if (el.dataset.note === id) el.classList.toggle('is-hl', on);
    for (const el of refs()) if (idOf(el) === id) el.classList.toggle('is-hl', on);
    const n = d.getElementById(id);
    if (n) n.classList.toggle('is-hl', on);
  }
  function light(kind, id) {
    const old = lit[kind];
    if (old === id) return;
    lit[kind] = id;
    if (old && !Object.values(lit).includes(old)) paint(old, false);
    paint(id, true);
  }
  const groupOf = el => {
    if (!(el instanceof Element)) return '';
    const m = el.closest('mark.note-phrase');
    if (m) return m.dataset.note || '';
    const r = el.closest('a.note-ref');
    if (r) return idOf(r);
    const n = el.closest('.note');
    return n ? n.id : '';
  };

  /* Popover */
  // The reference is a small raised number: measure its whole line instead.
  function lineBox(ref) {
    const r = ref.getBoundingClientRect(), prev = ref.previousSibling;
    if (!prev) return r;
    const rg = d.createRange();
    rg.selectNodeContents(prev);
    const rs = rg.getClientRects(), l = rs[rs.length - 1];
    return l && l.bottom > r.top && l.top < r.bottom
      ? { left: r.left, right: r.right, top: Math.min(r.top, l.top), bottom: Math.max(r.bottom, l.bottom) } : r;
  }
  function place() {
    if (!cur) return;
    const { ref, note } = cur, s = note.style;
    const vw = root.clientWidth, vh = root.clientHeight;
    const r = lineBox(ref);
    const w = Math.min(vw - 2 * EDGE, 28 * parseFloat(getComputedStyle(root).fontSize));
    s.width = w + 'px';
    s.maxHeight = 'none';
    const h = note.offsetHeight;
    const below = vh - r.bottom - GAP - EDGE, above = r.top - GAP - EDGE;
    const down = h <= below || below >= above;
    const room = Math.max(down ? below : above, 96);
    const top = down ? r.bottom + GAP : Math.max(EDGE, r.top - GAP - Math.min(h, room));
    s.maxHeight = room + 'px';
    // From the reference towards the line's end: rightwards, or leftwards in right-to-left text.
    const start = getComputedStyle(ref).direction === 'rtl' ? r.right + 16 - w : r.left - 16;
    s.left = scrollX + Math.min(Math.max(EDGE, start), vw - EDGE - w) + 'px';
    s.top = scrollY + top + 'px';
  }
  function open(ref, pinned) {
    clearTimeout(openTimer); // a click within the hover delay: Escape must not let the preview open after it
    const note = noteOf(ref);
    if (!note) return;
    if (cur && cur.note === note && cur.ref === ref) { cur.pinned = cur.pinned || pinned; return; }
    close(false);
    // Keep the reference and its line in view before measuring.
    const r = ref.getBoundingClientRect();
    if (r.top < 0 || r.bottom > root.clientHeight) ref.scrollIntoView({ block: 'center' });
    note.classList.add('is-pop');
    note.setAttribute('popover', 'manual');
    try { note.showPopover({ source: ref }); } catch { note.showPopover(); }
    cur = { ref, note, pinned };
    ref.setAttribute('aria-expanded', 'true');
    place();
    light('pop', note.id);
  }
  function close(refocus) {
    clearTimeout(closeTimer);
    if (!cur) return;
    const { ref, note } = cur;
    const inside = note.contains(d.activeElement);
    cur = null;
    try { note.hidePopover(); } catch { /* already hidden */ }
    note.removeAttribute('popover');
    note.classList.remove('is-pop');
    for (const p of ['width', 'max-height', 'left', 'top']) note.style.removeProperty(p);
    ref.setAttribute('aria-expanded', 'false');
    light('pop', '');
    if (refocus || inside) ref.focus();
  }
  function activate(ref) {
    const note = noteOf(ref);
    if (!popMode(note)) return false; // margin or no popover support: follow the link
    if (cur && cur.ref === ref) {
      if (cur.pinned) close(true); else cur.pinned = true; // a click after a hover preview keeps it open
    } else open(ref, true);
    return true;
  }

  /* aria-expanded only where references open popovers */
  function sync() {
    if (cur && !popMode(cur.note)) close(false);
    for (const ref of refs()) {
      const n = noteOf(ref);
      if (popMode(n)) { if (!ref.hasAttribute('aria-expanded')) ref.setAttribute('aria-expanded', 'false'); }
      else ref.removeAttribute('aria-expanded');
    }
    for (const n of d.querySelectorAll('.note')) {
      n.classList.toggle('is-clamped', inMargin(n) && n.scrollHeight > n.clientHeight + 1);
      const more = n.querySelector('a.note-more');
      if (more) more.setAttribute('aria-expanded', String(n.classList.contains('is-open')));
    }
    // The width the notes were last laid out for: tests wait on it after a resize.
    root.dataset.notesWidth = innerWidth;
  }

  d.addEventListener('click', e => {
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    const ref = t.closest('a.note-ref');
    if (ref) { if (activate(ref)) e.preventDefault(); return; }
    if (cur && !cur.note.contains(t)) close(false);
    const n = t.closest('.note');
    const more = t.closest('a.note-more');
    if (more && n && inMargin(n)) e.preventDefault(); // open in place, without scrolling to the note
    if (n && inMargin(n) && (more || !t.closest('a')) && (n.classList.contains('is-clamped') || n.classList.contains('is-open'))) {
      n.classList.toggle('is-open');
      sync();
    }
  });
  d.addEventListener('keydown', e => {
    if (e.key === 'Escape' && cur) { e.preventDefault(); close(true); return; }
    if ((e.key === ' ' || e.key === 'Spacebar') && e.target instanceof Element && e.target.matches('a.note-ref')) {
      e.preventDefault();
      e.target.click();
    }
  });
  d.addEventListener('focusin', e => {
    light('focus', groupOf(e.target));
    if (cur && e.target !== cur.ref && !cur.note.contains(e.target)) close(false);
  });
  d.addEventListener('focusout', e => { if (!e.relatedTarget) light('focus', ''); });
  d.addEventListener('pointerover', e => {
    light('hover', groupOf(e.target));
    if (e.pointerType !== 'mouse') return;
    const t = e.target instanceof Element ? e.target : null;
    if (!t) return;
    if (cur && (t.closest('a.note-ref') === cur.ref || cur.note.contains(t))) { clearTimeout(closeTimer); return; }
    const ref = t.closest('a.note-ref');
    clearTimeout(openTimer);
    // A page scrolling under a resting pointer is not an intent to read the note.
    if (ref && popMode(noteOf(ref)) && !(cur && cur.pinned) && performance.now() - scrolled > 250) {
      openTimer = setTimeout(() => { if (!(cur && cur.pinned)) open(ref, false); }, HOVER_OPEN);
    }
  });
  d.addEventListener('pointerout', e => {
    if (!e.relatedTarget) light('hover', '');
    if (e.pointerType !== 'mouse' || !(e.target instanceof Element)) return;
    if (e.target.closest('a.note-ref')) clearTimeout(openTimer);
    if (!cur || cur.pinned) return;
    const to = e.relatedTarget instanceof Element ? e.relatedTarget : null;
    if (to && (to.closest('a.note-ref') === cur.ref || cur.note.contains(to))) return;
    clearTimeout(closeTimer);
    closeTimer = setTimeout(() => { if (cur && !cur.pinned) close(false); }, HOVER_CLOSE);
  });
  addEventListener('scroll', () => { scrolled = performance.now(); }, { passive: true });
  let frame = 0;
  addEventListener('resize', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => { sync(); place(); });
  });
  wide.addEventListener('change', sync);
  addEventListener('beforeprint', () => close(false));
  sync();
})();
