/**
 * A repository of one's own in an afternoon: implement {@link dev.scimkit.server.toolkit.ResourceRecords}
 * (where resources live), build {@link dev.scimkit.server.toolkit.RecordRepositories}, and the toolkit keeps
 * the {@link dev.scimkit.server.spi.ResourceRepository} contract: ids, {@code meta}, versions and
 * {@code If-Match}, uniqueness, members and derived {@code groups}, search, sorting, paging and copies.
 */
package dev.scimkit.server.toolkit;
