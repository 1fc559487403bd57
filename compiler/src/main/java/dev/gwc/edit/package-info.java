/**
 * The edit stage: consumes one manifest file's text and the positioned tree of its documents, and
 * produces the file's new text for one change to one object (a listener added or removed, a
 * parentRef attached or detached). Only the lines the change needs are written; every other byte of
 * the file (comments, key order, quoting, indentation, line endings, the other documents) stays as
 * it was, and removing what an addition wrote gives back the original bytes.
 */
package dev.gwc.edit;
