package dev.scimkit.filter.parse;

import dev.scimkit.filter.grammar.ScimLexer;
import org.antlr.v4.runtime.Token;

import java.util.List;

/**
 * Measures how deeply a token stream nests, in one linear pass and before any parsing, so that a
 * hostile {@code ((((…} or {@code not not not …} is refused before the recursive-descent parser (or
 * anything walking the tree later) could exhaust the stack.
 *
 * <p>Each {@code (} and {@code [} opens a level that its closing bracket ends. Each {@code not} opens
 * a level that ends where its operand can end: at the next {@code and}/{@code or} of the same group or
 * at the end of the group. The measure never under-counts the parser's recursion depth.
 */
final class DepthGuard {

    private DepthGuard() {
    }

    /** The deepest nesting in the tokens. */
    static int maxDepth(List<Token> tokens) {
        int[] pendingNots = new int[16];
        int group = 0;
        int depth = 0;
        int max = 0;
        for (Token token : tokens) {
            switch (token.getType()) {
                case ScimLexer.LPAREN, ScimLexer.LBRACKET -> {
                    depth++;
                    group++;
                    if (group == pendingNots.length) {
                        pendingNots = java.util.Arrays.copyOf(pendingNots, group * 2);
                    }
                    pendingNots[group] = 0;
                }
                case ScimLexer.RPAREN, ScimLexer.RBRACKET -> {
                    if (group > 0) {
                        depth -= pendingNots[group] + 1;
                        group--;
                    }
                }
                case ScimLexer.NOT -> {
                    depth++;
                    pendingNots[group]++;
                }
                case ScimLexer.AND, ScimLexer.OR -> {
                    depth -= pendingNots[group];
                    pendingNots[group] = 0;
                }
                default -> {
                    // names, operators and values do not nest
                }
            }
            max = Math.max(max, depth);
        }
        return max;
    }
}
