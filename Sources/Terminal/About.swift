// Terminal: ANSI rendering of the course's Markdown, wrapping with East Asian width rules, and the lesson stepper.
