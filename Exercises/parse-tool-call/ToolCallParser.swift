import LLMCourseKit

/// Parses one `Action:` line, such as `Action: calc[17*3+4]`, into a `ToolCall`.
///
/// Trailing spaces and newlines are ignored. Check, in this order, and return the first
/// problem found as a `ToolCallError`:
///
/// 1. the line starts with `"Action: "`                         else `.notAnAction`
/// 2. a name follows: ASCII letters, digits or `_`, the first a lower-case letter
///                                                              else `.missingToolName`
/// 3. `[` follows the name                                      else `.missingOpenBracket(tool: name)`
/// 4. a `]` comes later, with no `[` before it                  else `.missingCloseBracket`
///                                                              (or `.nestedBracket` when a `[` comes first)
/// 5. nothing follows the `]`                                   else `.trailingText(what follows)`
/// 6. the argument is not empty or only spaces                  else `.emptyArgument`
/// 7. the name is in `known`                                    else `.unknownTool(name, known: known)`
func parseAction(_ line: String, known: [String]) -> Result<ToolCall, ToolCallError> {
    // TODO: scan the line left to right as the steps above say.
    return .failure(.notAnAction)
}
