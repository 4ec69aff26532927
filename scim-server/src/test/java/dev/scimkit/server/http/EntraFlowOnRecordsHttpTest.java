package dev.scimkit.server.http;

/** {@link EntraFlowHttpTest} against repositories of one's own, built with the toolkit over plain records. */
@OnRecordRepositories
class EntraFlowOnRecordsHttpTest extends EntraFlowHttpTest {
}
