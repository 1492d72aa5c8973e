/**
 * What the renderer measure runs inside the page, as one script added before any page script
 * (`addInitScript`), reached as `window.__bench` by string expressions in `page.evaluate`. It is
 * a string because bench/ is type-checked for Node (no DOM types), and so that tsx's transform
 * of functions never reaches the page.
 *
 * "Painted" throughout: the condition is checked in a requestAnimationFrame callback (just before
 * a frame is drawn); once it holds, a message posted from that callback runs after the frame's
 * paint, and its time is the paint time. Event times are the events' own `timeStamp` (the moment
 * the input reached the page), on the same clock as performance.now().
 */
export const PROBE_SCRIPT = String.raw`(() => {
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  const afterThisFrame = (resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(0);
  };
  const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => afterThisFrame(resolve)));
  const whenPainted = (condition, timeoutMs = 15000) =>
    new Promise((resolve, reject) => {
      const start = performance.now();
      const tick = () => {
        if (condition()) return afterThisFrame(resolve);
        if (performance.now() - start > timeoutMs) return reject(new Error('never painted'));
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });

  const article = () => document.querySelector('.editor-pane > article, #bare-pane > article');
  const shownTitle = (a) => {
    const heading = a.querySelector('#signed-note-title, h1');
    if (heading) return heading.textContent;
    const input = a.querySelector('#note-title');
    return input ? input.value : null;
  };

  const bench = {
    longTasks,
    // Resolves with click-to-painted: a new editor (the editor remounts per note) showing this title.
    armOpen(title) {
      const before = article();
      bench.pending = new Promise((resolve, reject) => {
        window.addEventListener('click', (event) => {
          const t0 = event.timeStamp;
          whenPainted(() => {
            const a = article();
            return a !== null && a !== before && shownTitle(a) === title;
          }).then((t) => resolve(t - t0), reject);
        }, { capture: true, once: true });
      });
    },
    pending: null,
    paneText: () => { const a = article(); return a ? a.innerText : ''; },
    // Keydown-to-painted for every key that changes a text field (input event), in order; and of
    // each, the time between the page being done with the key (the input event's handlers, and
    // the microtasks they queued, such as React's render) and the next frame starting.
    keys: [],
    frameWaits: [],
    watchKeys() {
      let down = null;
      let handled = null;
      document.addEventListener('keydown', (e) => { down = e.timeStamp; }, { capture: true });
      // Bubbling to window runs after every other handler of the event, React's included.
      window.addEventListener('input', () => queueMicrotask(() => { handled = performance.now(); }));
      document.addEventListener('input', () => {
        const t0 = down;
        down = null;
        if (t0 === null) return;
        requestAnimationFrame(() => {
          const wait = handled === null ? 0 : performance.now() - handled;
          afterThisFrame((t) => { bench.keys.push(t - t0); bench.frameWaits.push(wait); });
        });
      }, { capture: true });
    },
    // Scrolls the element top to bottom by step px a frame; long tasks and frame gaps meanwhile.
    scrollAll(selector, step) {
      const el = document.querySelector(selector);
      if (!el) return Promise.reject(new Error('no ' + selector));
      el.scrollTop = 0;
      return afterPaint().then((start) => new Promise((resolve) => {
        const gaps = [];
        let last = start;
        const tick = (now) => {
          gaps.push(now - last);
          last = now;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
            return afterPaint().then((end) => resolve({
              ms: end - start,
              frames: gaps.length,
              gaps,
              longTasks: longTasks.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration),
              rowsSeen: el.scrollHeight,
            }));
          }
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }));
    },
  };
  window.__bench = bench;

  // The unlock form (or the bare page's copy of it) painted, from navigation start (time 0).
  bench.formPainted = whenPainted(() => document.querySelector('#unlock-secret') !== null);
  bench.formPainted.catch(() => {});
})();`;

export interface ScrollRun {
  ms: number;
  frames: number;
  gaps: number[];
  longTasks: number[];
  rowsSeen: number;
}
