package dev.scimkit.filter.parse;

import dev.scimkit.filter.grammar.ScimLexer;
import dev.scimkit.filter.grammar.ScimParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.LexerChannelAction;
import org.antlr.v4.runtime.atn.PredictionMode;

import java.util.Arrays;

/**
 * One lexer, token stream and parser for the calling thread, reset and reused call after call. ANTLR
 * recognizers are not thread-safe, and building a new set per call (their listener lists, simulators
 * and error strategies) cost about a fifth of parsing a short filter. The DFA caches they consult are
 * the generated classes' static ones, shared by all threads, as before.
 *
 * <p>{@link #acquire} hands out the thread's set, or a fresh one if the thread's set is in use (which
 * parsing never does, but a set must never be used twice at once); {@link #release} returns it and
 * drops the tokens, so no filter text stays reachable from the set after a successful parse.
 */
final class Recognizers {

    /**
     * Whether every token the lexer emits is on the default channel (whitespace is skipped, never sent
     * to a hidden channel). Then the plain {@link BufferedTokenStream} gives the parser exactly the
     * tokens {@link CommonTokenStream} would, without CommonTokenStream's channel search on every
     * look-back (the parser looks back one token at the end of every rule).
     */
    private static final boolean ONE_CHANNEL = Arrays.stream(ScimLexer._ATN.lexerActions)
            .noneMatch(action -> action instanceof LexerChannelAction);

    private static final ThreadLocal<Recognizers> PER_THREAD = ThreadLocal.withInitial(Recognizers::new);

    final ScimLexer lexer;
    final BufferedTokenStream tokens;
    final ScimParser parser;
    /** What the lexer reads between calls; the set's own, since a stream has a position. */
    private final CharStream noText = StringCharStream.of("");
    private final ThrowingErrorListener listener = new ThrowingErrorListener(SyntaxErrorKind.FILTER);
    private final BailErrorStrategy bail = new BailErrorStrategy();
    private boolean inUse;
    private boolean reporting;

    private Recognizers() {
        lexer = new ScimLexer(noText);
        EofLexerSimulator.install(lexer);
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        tokens = ONE_CHANNEL ? new BufferedTokenStream(lexer) : new CommonTokenStream(lexer);
        parser = new ScimParser(tokens);
        parser.setBuildParseTree(false);
        parser.removeErrorListeners();
        parser.setErrorHandler(bail);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    }

    /** The thread's recognizers, lexing {@code text} and naming errors as errors in a {@code kind}. */
    static Recognizers acquire(CharStream text, SyntaxErrorKind kind) {
        Recognizers r = PER_THREAD.get();
        if (r.inUse) {
            r = new Recognizers();
        }
        r.inUse = true;
        r.listener.kind(kind);
        r.lexer.setInputStream(text);
        r.tokens.setTokenSource(r.lexer);
        return r;
    }

    /** The parser at the first token, in the fast stage: SLL prediction, bail out at the first problem, silent. */
    ScimParser sll() {
        if (reporting) {
            parser.removeErrorListeners();
            parser.setErrorHandler(bail);
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            reporting = false;
        }
        parser.setTokenStream(tokens);
        return parser;
    }

    /** The parser back at the first token, in the fallback stage: full LL prediction, errors reported. */
    ScimParser llReporting() {
        tokens.seek(0);
        parser.reset();
        parser.addErrorListener(listener);
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        reporting = true;
        return parser;
    }

    /** Returns the set to its thread, without the text and tokens of this call. */
    void release() {
        lexer.setInputStream(noText);
        tokens.setTokenSource(lexer);
        inUse = false;
    }

    /** For tests: whether the parser reads the plain buffered token stream. */
    static boolean oneChannel() {
        return ONE_CHANNEL;
    }
}
