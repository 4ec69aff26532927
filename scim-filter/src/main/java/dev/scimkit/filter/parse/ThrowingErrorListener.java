package dev.scimkit.filter.parse;

import dev.scimkit.filter.grammar.ScimLexer;
import dev.scimkit.filter.grammar.ScimParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the first syntax error ANTLR reports into a {@code ScimException} whose detail names the
 * position and what was expected, in the words of the RFC rather than ANTLR's token names. Nothing is
 * ever printed. Each thread's {@link Recognizers} owns one and points it at the kind of input being
 * parsed, so it is confined to that thread.
 */
final class ThrowingErrorListener extends BaseErrorListener {

    private static final int MAX_SHOWN_TEXT = 40;

    private SyntaxErrorKind kind;

    ThrowingErrorListener(SyntaxErrorKind kind) {
        this.kind = kind;
    }

    /** Names errors from now on as errors in a {@code kind} (filter, PATCH path or attribute path). */
    void kind(SyntaxErrorKind kind) {
        this.kind = kind;
    }

    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        int position = charPositionInLine + 1;
        String found = "unexpected input";
        if (offendingSymbol instanceof Token token) {
            position = token.getStartIndex() + 1;
            found = describeFound(token);
        }
        String expected = "";
        if (recognizer instanceof Parser parser) {
            IntervalSet set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            expected = describeExpected(set);
        }
        StringBuilder detail = new StringBuilder("Invalid ").append(kind.noun()).append(" at column ")
                .append(Math.max(position, 1)).append(": ").append(found);
        if (!expected.isEmpty()) {
            detail.append("; expected ").append(expected);
        }
        throw kind.error(detail.toString());
    }

    static String describeFound(Token token) {
        if (token.getType() == Token.EOF) {
            return "unexpected end of input";
        }
        String text = token.getText() == null ? "" : token.getText();
        if (token.getType() == ScimLexer.INVALID && text.equals("\"")) {
            return "unterminated string or invalid escape sequence starting with '\"'";
        }
        if (text.length() > MAX_SHOWN_TEXT) {
            text = text.substring(0, MAX_SHOWN_TEXT) + "...";
        }
        return "unexpected '" + text + "'";
    }

    /** Describes an expected-token set in RFC terms, most specific first. */
    static String describeExpected(IntervalSet set) {
        if (set == null || set.isNil()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        boolean name = set.contains(ScimParser.NAME);
        if (set.contains(ScimParser.LPAREN) && name) {
            parts.add("an attribute expression");
            parts.add("'('");
            parts.add("'not'");
        } else if (name) {
            parts.add(set.contains(ScimParser.URN_PREFIX) ? "an attribute name or schema URN" : "an attribute name");
        } else if (set.contains(ScimParser.LPAREN)) {
            parts.add("'('");
        }
        if (!name && set.contains(ScimParser.PR) && set.contains(ScimParser.EQ)) {
            parts.add("an operator (eq, ne, co, sw, ew, gt, ge, lt, le or pr)");
        } else if (!name && set.contains(ScimParser.EQ)) {
            parts.add("a comparison operator (eq, ne, co, sw, ew, gt, ge, lt or le)");
        }
        if (set.contains(ScimParser.STRING)) {
            parts.add("a value (a JSON string, number, true, false or null)");
        }
        if (!name && set.contains(ScimParser.AND) && set.contains(ScimParser.OR)) {
            parts.add("'and'");
            parts.add("'or'");
        }
        if (set.contains(ScimParser.LBRACKET)) {
            parts.add("'['");
        }
        if (set.contains(ScimParser.DOT)) {
            parts.add("'.'");
        }
        if (set.contains(ScimParser.RPAREN)) {
            parts.add("')'");
        }
        if (set.contains(ScimParser.RBRACKET)) {
            parts.add("']'");
        }
        if (set.contains(Token.EOF)) {
            parts.add("the end of input");
        }
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }
}
