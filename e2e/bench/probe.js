/* global requestAnimationFrame, CSS */
// Runs inside the benchmarked page (Strata or the React Flow baseline) and only looks: input
// comes from outside, through the browser's own input pipeline (Playwright's mouse), and files
// through the browser's file chooser. Plain JavaScript so that nothing is transpiled into it.
(() => {
  const pane = () => document.querySelector('.react-flow__pane').getBoundingClientRect();
  const nodeElement = (id) => document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);

  /** The viewport transform as {x, y, zoom}, read from the DOM so it works for both pages. */
  function viewport() {
    const transform = document.querySelector('.react-flow__viewport').style.transform;
    const [, x, y, zoom] = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(transform) ?? [0, 0, 0, 1];
    return { x: Number(x), y: Number(y), zoom: Number(zoom) };
  }

  /** The node element a press at (x, y) lands on, if it is a diagram node (not a feature label). */
  function nodeAt(x, y) {
    const node = document.elementFromPoint(x, y)?.closest('.react-flow__node');
    return node && !node.classList.contains('react-flow__node-feature') ? node : undefined;
  }

  /**
   * The diagram node nearest the middle of the canvas that a press reaches, with the point to
   * press (its centre, clear of the handles on its top and bottom); `prefix` limits the choice to
   * a diagram's own nodes (not the previous diagram's). Found by hit tests on a widening spiral
   * from the middle, so the cost does not depend on how many nodes the page holds.
   */
  function middleNode(prefix = '') {
    const area = pane();
    const cx = area.x + area.width / 2;
    const cy = area.y + area.height / 2;
    for (let radius = 0; radius < Math.min(area.width, area.height) / 2; radius += 12) {
      const steps = radius === 0 ? 1 : Math.ceil((2 * Math.PI * radius) / 12);
      for (let step = 0; step < steps; step++) {
        const angle = (step / steps) * Math.PI * 2;
        const node = nodeAt(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle));
        const id = node?.getAttribute('data-id');
        if (!id?.startsWith(prefix)) continue;
        const box = node.getBoundingClientRect();
        const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        if (nodeAt(centre.x, centre.y) === node) return { id, ...centre };
      }
    }
    return undefined;
  }

  /** A point near the middle of the canvas where a press lands on the empty pane. */
  function emptyPoint() {
    const area = pane();
    for (let radius = 0; radius < Math.min(area.width, area.height) / 2; radius += 8) {
      for (let step = 0; step < 16; step++) {
        const angle = (step / 16) * Math.PI * 2;
        const x = area.x + area.width / 2 + radius * Math.cos(angle);
        const y = area.y + area.height / 2 + radius * Math.sin(angle);
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return undefined;
  }

  const isSelected = (id) => nodeElement(id)?.classList.contains('selected') ?? false;

  /**
   * Frames in which what is watched (a node, or the whole viewport) was drawn somewhere new: the
   * frames a user sees move. A node may be re-created while it moves, so it is found again by id.
   */
  let recording;
  function startFrames(watch) {
    // The element is looked up again only once it left the page: a query over the whole document
    // every frame is the probe's cost, not the page's, and it grows with the diagram.
    let element;
    const find = () => (watch === 'viewport' ? document.querySelector('.react-flow__viewport') : nodeElement(watch));
    const read = () => {
      if (!element?.isConnected) element = find();
      return element?.style.transform;
    };
    const stamps = [];
    let last = read();
    let running = true;
    const tick = (time) => {
      if (!running) return;
      const now = read();
      if (now !== last) stamps.push(time);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    recording = { stamps, stop: () => (running = false) };
  }

  /** Intervals between the frames that moved, in milliseconds. */
  function stopFrames() {
    recording.stop();
    const { stamps } = recording;
    return stamps.slice(1).map((stamp, i) => stamp - stamps[i]);
  }

  /** Elements in the page, to compare with the DOM nodes Chrome keeps alive. */
  const elements = () => document.getElementsByTagName('*').length;

  window.__bench = { viewport, middleNode, emptyPoint, isSelected, startFrames, stopFrames, elements };
})();
