package dev.scimkit.filter.parse;

import dev.scimkit.filter.grammar.ScimLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * The lexer's simulator, answering "no transition" at the end of input without a trip through the ATN.
 *
 * <p>ANTLR's lexer DFA caches edges for chars 0..127 only, so when a token runs up to the end of the
 * text (a filter ending in a string or a name, which is nearly every filter) the DFA asks the ATN what
 * follows on EOF, building config sets to learn "nothing", on every call. No rule of the SCIM lexer
 * matches EOF, so that answer is always {@link #ERROR}; {@link #install} checks this on the ATN itself
 * and leaves the standard simulator in place if the grammar ever changes so that it is not.
 */
final class EofLexerSimulator extends LexerATNSimulator {

    /** Whether no transition of the lexer's ATN can match EOF (verified, not assumed). */
    private static final boolean NOTHING_MATCHES_EOF = nothingMatchesEof(ScimLexer._ATN);

    private EofLexerSimulator(Lexer lexer, LexerATNSimulator standard) {
        super(lexer, standard.atn, standard.decisionToDFA, standard.getSharedContextCache());
    }

    /** Gives {@code lexer} this simulator, sharing the standard one's DFA and context cache. */
    static void install(ScimLexer lexer) {
        if (NOTHING_MATCHES_EOF) {
            lexer.setInterpreter(new EofLexerSimulator(lexer, lexer.getInterpreter()));
        }
    }

    @Override
    protected DFAState computeTargetState(CharStream input, DFAState s, int t) {
        if (t == IntStream.EOF) {
            return ERROR;
        }
        return super.computeTargetState(input, s, t);
    }

    static boolean nothingMatchesEof(ATN atn) {
        for (ATNState state : atn.states) {
            if (state == null) {
                continue;
            }
            for (int i = 0; i < state.getNumberOfTransitions(); i++) {
                Transition transition = state.transition(i);
                if (!transition.isEpsilon()
                        && transition.matches(IntStream.EOF, Lexer.MIN_CHAR_VALUE, Lexer.MAX_CHAR_VALUE)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** For tests: whether the shortcut is in force for the SCIM lexer. */
    static boolean active() {
        return NOTHING_MATCHES_EOF;
    }
}
