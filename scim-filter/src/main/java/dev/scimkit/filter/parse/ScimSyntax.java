package dev.scimkit.filter.parse;

import dev.scimkit.filter.FilterLimits;
import dev.scimkit.filter.ast.AttributePath;
import dev.scimkit.filter.ast.Filter;
import dev.scimkit.filter.ast.PatchPath;
import dev.scimkit.filter.grammar.ScimParser;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

import java.util.function.Function;

/**
 * Runs the generated ANTLR lexer and parser on filters, PATCH paths and attribute paths.
 *
 * <p>Input is bounded before any work that could grow with it: the length before lexing, the nesting
 * depth by a linear scan of the tokens before parsing. Parsing is two-stage: SLL prediction with a
 * bail-out strategy first (fast, and enough for every valid filter seen in practice), then full LL
 * with error reporting only when the first stage fails. The generated parser's static DFA cache is
 * shared by all calls and threads and is never cleared. ANTLR recognizers are not thread-safe, so
 * each thread reuses its own lexer and parser ({@link Recognizers}). No parse tree is built: the AST
 * is read from the labelled fields of the rule contexts ({@link AstBuilder}).
 */
public final class ScimSyntax {

    private ScimSyntax() {
    }

    /** Parses a filter; every malformed input is a 400 {@code invalidFilter}. */
    public static Filter parseFilter(String text, FilterLimits limits) {
        AstBuilder builder = new AstBuilder(SyntaxErrorKind.FILTER);
        return run(text, limits, SyntaxErrorKind.FILTER, p -> builder.filter(p.filterEntry().filter));
    }

    /** Parses a PATCH path; every malformed input is a 400 {@code invalidPath}. */
    public static PatchPath parsePatchPath(String text, FilterLimits limits) {
        AstBuilder builder = new AstBuilder(SyntaxErrorKind.PATCH_PATH);
        return run(text, limits, SyntaxErrorKind.PATCH_PATH, p -> builder.patchPath(p.patchPathEntry().path));
    }

    /** Parses an attribute path; every malformed input is a 400 {@code invalidPath}. */
    public static AttributePath parseAttributePath(String text, FilterLimits limits) {
        AstBuilder builder = new AstBuilder(SyntaxErrorKind.ATTRIBUTE_PATH);
        return run(text, limits, SyntaxErrorKind.ATTRIBUTE_PATH, p -> builder.attrPath(p.attrPathEntry().path));
    }

    private static <T> T run(String text, FilterLimits limits, SyntaxErrorKind kind, Function<ScimParser, T> entry) {
        if (text == null || text.isBlank()) {
            throw kind.error("The " + kind.noun() + " is empty");
        }
        if (text.length() > limits.maxLength()) {
            throw kind.error("The " + kind.noun() + " is " + text.length() + " characters long; at most "
                    + limits.maxLength() + " are accepted");
        }
        Recognizers recognizers = Recognizers.acquire(StringCharStream.of(text), kind);
        try {
            BufferedTokenStream tokens = recognizers.tokens;
            tokens.fill();
            int depth = DepthGuard.maxDepth(tokens.getTokens());
            if (depth > limits.maxDepth()) {
                throw kind.error("The " + kind.noun() + " nests " + depth + " levels deep (parentheses, brackets and 'not'); at most "
                        + limits.maxDepth() + " are accepted");
            }
            try {
                return entry.apply(recognizers.sll());
            } catch (ParseCancellationException sllFailed) {
                // Either the input is malformed or SLL was too weak for it: full LL decides, and reports.
                return entry.apply(recognizers.llReporting());
            }
        } finally {
            recognizers.release();
        }
    }
}
