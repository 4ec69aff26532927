package dev.scimkit.server.http;

/** {@link OktaFlowHttpTest} against repositories of one's own, built with the toolkit over plain records. */
@OnRecordRepositories
class OktaFlowOnRecordsHttpTest extends OktaFlowHttpTest {
}
