package dev.scimkit.filter.parse;

import dev.scimkit.filter.grammar.ScimLexer;
import dev.scimkit.filter.grammar.ScimParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parsing shortcuts rest on facts about the grammar that are checked on the generated ATN at
 * start-up; these tests pin that the checks hold for the SCIM grammar (so the shortcuts are in force)
 * and that the shortcuts change nothing the parser sees.
 */
class RecognizerShortcutsTest {

    private static final List<String> INPUTS = List.of("userName eq \"bjensen\"", "title pr", "x eq 1",
            "emails[type eq \"work\" and value co \"@example.com\"] or not (a.b ne null)", "urn:a:b:User:c gt 1.5e3 ",
            "\"unterminated", "a eq \"\\u00e9\u00e9\"", "(((", "$ref eq \"x\" and", "a eq 12345678901234567890",
            "a eq \"\uD83D\uDE00\"", "\t a \n eq \r\n true ", "\u00e9", "");

    @Test
    void noLexerRuleMatchesEndOfInputSoTheEofShortcutIsInForce() {
        assertThat(EofLexerSimulator.active()).isTrue();
        assertThat(EofLexerSimulator.nothingMatchesEof(ScimLexer._ATN)).isTrue();
        // the parser's ATN does match EOF (filterEntry: orExpr EOF), so the check can tell
        assertThat(EofLexerSimulator.nothingMatchesEof(ScimParser._ATN)).isFalse();
    }

    @Test
    void everyTokenIsOnTheDefaultChannelSoThePlainBufferedStreamIsUsed() {
        assertThat(Recognizers.oneChannel()).isTrue();
        for (String input : INPUTS) {
            for (Token token : standardTokens(input)) {
                assertThat(token.getChannel()).as(input).isEqualTo(Token.DEFAULT_CHANNEL);
            }
        }
    }

    @Test
    void theReusedRecognizersLexExactlyAsAFreshStandardLexerOverACodePointStream() {
        for (String input : INPUTS) {
            List<String> expected = standardTokens(input).stream().map(RecognizerShortcutsTest::describe).toList();
            Recognizers recognizers = Recognizers.acquire(StringCharStream.of(input), SyntaxErrorKind.FILTER);
            try {
                recognizers.tokens.fill();
                List<String> actual = recognizers.tokens.getTokens().stream().map(RecognizerShortcutsTest::describe).toList();
                assertThat(actual).as(input).isEqualTo(expected);
            } finally {
                recognizers.release();
            }
        }
    }

    private static List<Token> standardTokens(String input) {
        CommonTokenStream tokens = new CommonTokenStream(new ScimLexer(CharStreams.fromString(input)));
        tokens.fill();
        return tokens.getTokens();
    }

    private static String describe(Token t) {
        return t.getType() + ":" + t.getStartIndex() + "-" + t.getStopIndex() + ":" + t.getText() + ":" + t.getChannel();
    }
}
