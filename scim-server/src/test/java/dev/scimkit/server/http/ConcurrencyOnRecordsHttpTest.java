package dev.scimkit.server.http;

/** {@link ConcurrencyHttpTest} against repositories of one's own, built with the toolkit over plain records. */
@OnRecordRepositories
class ConcurrencyOnRecordsHttpTest extends ConcurrencyHttpTest {
}
