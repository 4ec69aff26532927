package dev.scimkit.server.http;

/** {@link GroupMembersHttpTest} against repositories of one's own, built with the toolkit over plain records. */
@OnRecordRepositories
class GroupMembersOnRecordsHttpTest extends GroupMembersHttpTest {
}
