// Figures: Plots for the terminal (Unicode/ANSI) and as SVG for the site: loss curves, heat-maps, bar charts, trees.
