// Site: The static course web site, rendered from the same course model the terminal uses.
