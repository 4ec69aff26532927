package dev.scimkit.tracktik.jdbc;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ends a read transaction without keeping anything it wrote. A rollback does that everywhere, but H2
 * also empties the session's cache of parsed statements on every rollback, so each read, and the
 * write after it on the same pooled connection, would parse all its SQL again (the employee SELECT's
 * parse costs more than the rest of a small PATCH). So an H2 session that holds no change ends its
 * read in a commit, which has nothing to write and keeps the cache; one that does hold a change, and
 * every other database (PostgreSQL keeps its prepared statements across a rollback), rolls back.
 */
final class ReadEnding {

    /** H2 is an optional dependency: its classes are touched only when they are there. */
    private static final boolean H2_PRESENT = present("org.h2.jdbc.JdbcConnection");

    private ReadEnding() {
    }

    static void end(Connection c) throws SQLException {
        if (H2_PRESENT && H2.holdsNoChange(c)) {
            commitEmpty(c);
        } else {
            c.rollback();
        }
    }

    /**
     * An empty commit leaves H2's store untouched (a full disk has nothing to refuse), but should a
     * commit fail all the same, a rollback ends the transaction just as well: the read has its result.
     */
    private static void commitEmpty(Connection c) throws SQLException {
        try {
            c.commit();
        } catch (SQLException refused) {
            try {
                c.rollback();
            } catch (SQLException alsoRefused) {
                alsoRefused.addSuppressed(refused);
                throw alsoRefused;
            }
        }
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ReadEnding.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Loaded only when H2 is on the class path. */
    private static final class H2 {

        private H2() {
        }

        /** Whether {@code c} is an embedded H2 session whose transaction holds no change. */
        static boolean holdsNoChange(Connection c) throws SQLException {
            return c.isWrapperFor(JdbcConnection.class)
                    && c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                    && !session.hasPendingTransaction();
        }
    }
}
