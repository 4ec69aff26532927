/**
 * The values the console's templates render: plain, immutable and already formatted, so a template
 * only places them (and jte escapes every one). Not an API for embedders; they may change with the pages.
 */
package dev.scimkit.console.view;
