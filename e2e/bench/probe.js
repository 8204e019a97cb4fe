/* global requestAnimationFrame, performance, MessageChannel, MouseEvent, KeyboardEvent */
// Runs inside the benchmarked page (Strata or the React Flow baseline). Plain JavaScript so that
// nothing is transpiled into it. Input is synthetic and sent from the page, one event per
// animation frame, so the measurement sees every frame the page can (or cannot) draw.
(() => {
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const nextTask = () =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });

  function loadGraph(diagram) {
    const strata = window.strata;
    if (strata) strata.getState().load({ path: null, name: 'bench', diagram });
    else window.baseline.load(diagram);
  }

  function shownNodes() {
    let shown = 0;
    for (const element of document.querySelectorAll('.react-flow__node')) if (element.style.visibility !== 'hidden') shown++;
    return shown;
  }

  /** The viewport transform as {x, y, zoom}, read from the DOM so it works for both pages. */
  function viewport() {
    const transform = document.querySelector('.react-flow__viewport').style.transform;
    const [, x, y, zoom] = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform) ?? [0, 0, 0, 1];
    return { x: Number(x), y: Number(y), zoom: Number(zoom) };
  }

  /** How many of the diagram's nodes a correct canvas must show in the current viewport. */
  function expectedVisible(diagram, size) {
    const pane = document.querySelector('.react-flow__pane, .react-flow__renderer').getBoundingClientRect();
    const { x, y, zoom } = viewport();
    const left = -x / zoom;
    const top = -y / zoom;
    const right = left + pane.width / zoom;
    const bottom = top + pane.height / zoom;
    return diagram.nodes.filter(
      (n) => n.position.x < right && n.position.x + size.width > left && n.position.y < bottom && n.position.y + size.height > top,
    ).length;
  }

  /**
   * Loads the diagram, then waits for the first frame in which every node in view is drawn and
   * measured, and for the page to answer the next input. Returns milliseconds from the load call.
   */
  async function open(diagram, size) {
    const start = performance.now();
    loadGraph(diagram);
    for (;;) {
      await nextFrame();
      const expected = expectedVisible(diagram, size);
      if (expected > 0 && shownNodes() >= expected && document.querySelector('.react-flow__edge')) break;
      if (performance.now() - start > 60_000) throw new Error('the canvas never showed the diagram');
    }
    document.querySelector('.react-flow__pane').dispatchEvent(new MouseEvent('mousemove', { bubbles: true, clientX: 400, clientY: 400 }));
    await nextTask();
    return { ms: performance.now() - start, shown: shownNodes(), expected: expectedVisible(diagram, size) };
  }

  function mouse(target, type, x, y) {
    target.dispatchEvent(
      new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: type === 'mouseup' ? 0 : 1 }),
    );
  }

  /** A pointer gesture along a circle, one move per animation frame; returns frame intervals. */
  async function gesture(target, frames, radius) {
    const box = target.getBoundingClientRect();
    const cx = box.x + Math.min(box.width / 2, 400);
    const cy = box.y + Math.min(box.height / 2, 300);
    mouse(target, 'mousedown', cx, cy);
    await nextFrame();
    const stamps = [];
    for (let i = 0; i < frames; i++) {
      const angle = (i / frames) * Math.PI * 2;
      mouse(window, 'mousemove', cx + radius * Math.sin(angle) + i * 0.5, cy + radius * (1 - Math.cos(angle)));
      stamps.push(await nextFrame());
    }
    mouse(window, 'mouseup', cx, cy);
    await nextFrame();
    return stamps.slice(1).map((stamp, i) => stamp - stamps[i]);
  }

  /** The node nearest the middle of the canvas. */
  function middleNode() {
    const pane = document.querySelector('.react-flow__pane').getBoundingClientRect();
    const x = pane.x + pane.width / 2;
    const y = pane.y + pane.height / 2;
    let best;
    let bestDistance = Infinity;
    // Feature containers let the pointer through; only diagram nodes are dragged.
    for (const element of document.querySelectorAll('.react-flow__node:not(.react-flow__node-feature)')) {
      const box = element.getBoundingClientRect();
      const distance = Math.hypot(box.x + box.width / 2 - x, box.y + box.height / 2 - y);
      if (distance < bestDistance) [best, bestDistance] = [element, distance];
    }
    return best;
  }

  /** Drags the middle node; fails loudly when the drag did not move it, so no figure is of a no-op. */
  async function drag(frames) {
    const node = middleNode();
    const before = node.style.transform;
    const intervals = await gesture(node, frames, 120);
    if (node.isConnected && node.style.transform === before) throw new Error('the dragged node did not move');
    return intervals;
  }
  const pan = (frames) => gesture(document.querySelector('.react-flow__pane'), frames, 150);

  /** Runs Strata's auto-layout by its shortcut; milliseconds until the diagram has moved. */
  async function autoLayout() {
    const before = window.strata.getState().diagram;
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'L', ctrlKey: true, shiftKey: true, bubbles: true }));
    while (window.strata.getState().diagram === before) {
      await nextFrame();
      if (performance.now() - start > 10_000) throw new Error('auto-layout never finished');
    }
    return performance.now() - start;
  }

  /** Fits the whole diagram in view and waits until the viewport stops moving. */
  async function fitAll() {
    if (window.strata) window.dispatchEvent(new KeyboardEvent('keydown', { key: '0', ctrlKey: true, bubbles: true }));
    else window.baseline.fitView();
    let last = '';
    for (let still = 0; still < 5; ) {
      await nextFrame();
      const now = JSON.stringify(viewport());
      still = now === last ? still + 1 : 0;
      last = now;
    }
    return viewport();
  }

  window.__bench = { open, drag, pan, viewport, autoLayout, fitAll, shownNodes };
})();
