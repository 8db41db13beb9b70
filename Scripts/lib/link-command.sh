# Puts a command on the PATH: a symbolic link in a folder of programs, and, when that folder is
# not on the PATH yet, a line in the shell start-up files that adds it (once), so a new shell
# finds the command.
#   link_command /path/to/program name
# The folder: $LLMCOURSE_BIN_DIR if set, /usr/local/bin for root, else ~/.local/bin.
link_command() {
    local program="$1" name="$2" dir
    if [ -n "${LLMCOURSE_BIN_DIR:-}" ]; then
        dir="$LLMCOURSE_BIN_DIR"
    elif [ "$(id -u)" -eq 0 ]; then
        dir=/usr/local/bin
    else
        dir="$HOME/.local/bin"
    fi
    if ! mkdir -p "$dir" 2>/dev/null || ! ln -sfn "$program" "$dir/$name" 2>/dev/null; then
        echo "Could not link $name into $dir; run it as $program, or set LLMCOURSE_BIN_DIR to a folder you can write." >&2
        return 0
    fi
    echo "$name is linked as $dir/$name."
    case ":$PATH:" in
        *":$dir:"*) return 0 ;;
    esac
    local line="export PATH=\"$dir:\$PATH\"  # added by llmcourse's Scripts/setup"
    local file added=()
    for file in "$HOME/.bashrc" "$HOME/.profile" "$HOME/.zshrc"; do
        # .zshrc only for zsh users (it exists); .bashrc and .profile always.
        [ "$file" = "$HOME/.zshrc" ] && [ ! -f "$file" ] && continue
        grep -qsF "# added by llmcourse's Scripts/setup" "$file" && continue
        printf '\n%s\n' "$line" >>"$file" && added+=("$file")
    done
    if [ ${#added[@]} -gt 0 ]; then
        echo "$dir was not on your PATH: added it in ${added[*]}, so a new shell finds $name. In this shell run:"
    else
        echo "$dir is added to your PATH in your shell's start-up files: a new shell finds $name. In this shell run:"
    fi
    echo "  export PATH=\"$dir:\$PATH\""
}
