package dev.scimkit.server.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Serves a test class's {@link HttpScimServer} from repositories built with the toolkit
 * ({@code RecordRepositories}) instead of the in-memory store: a subclass of a flow test so annotated
 * runs the same IdP flow against a repository of one's own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface OnRecordRepositories {
}
