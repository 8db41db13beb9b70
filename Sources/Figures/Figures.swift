/// # Figures
///
/// Plots that render twice from one value: as text for the terminal and as a self-contained
/// SVG for the course site. No dependencies; every figure is a plain struct.
///
/// | figure | use it for | terminal | SVG |
/// | --- | --- | --- | --- |
/// | ``LinePlot`` | loss curves, schedules, any y = f(x); several named series | braille dots, or marker characters when color is off | one `<path class="series series-i">` per series |
/// | ``BarChart`` | probabilities of a few tokens, results side by side | eighth-block bars with values | one `<rect class="bar">` per bar |
/// | ``HeatMap`` | attention weights, similarity or confusion matrices | ANSI 256 backgrounds, or shades ` ░▒▓█` | one `<rect class="cell">` per value, a color-scale legend |
/// | ``ScatterPlot`` | 2-D points by class (classification data, projected embeddings) | braille dots per class, or markers | one `<circle class="point class-k">` per point |
/// | ``ContourPlot`` | z = f(x, y) on a grid: a loss surface around a minimum | one character per level band | `<rect class="band">` per point, `<path class="contour">` per level |
///
/// Conventions shared by all of them:
/// - `terminal(…, color:)` takes the color decision from the caller (respect `NO_COLOR` and
///   non-TTY output there); without color, series and classes stay distinguishable by marker.
/// - Widths are terminal columns; East Asian wide characters count as two (``displayWidth(_:)``).
/// - SVG text and axes use the figure's `--fg`, dark on light and light under
///   `prefers-color-scheme: dark` (which a page's `color-scheme` passes on to an `<img>`), so a
///   figure reads on either theme; data colors come from ``Palette`` (the same hues as the terminal).
/// - Axis ticks are round numbers from ``Ticks``; labels are escaped.
///
/// ```swift
/// var plot = LinePlot(title: "loss", xLabel: "step", yLabel: "cross-entropy")
/// plot.add("train", ys: trainLoss)
/// plot.add("validation", xs: evalSteps, ys: validationLoss)
/// print(plot.terminal(width: 72, height: 12, color: useColor))
/// try Data(plot.svg().utf8).write(to: url)
///
/// let attention = HeatMap(title: "head 0", values: weights, rowLabels: tokens,
///                         columnLabels: tokens, range: 0...1)
/// let probabilities = BarChart(title: "next token", bars: [("the", 0.41), ("a", 0.22)])
/// ```
public enum Figures {}
