/**
 * Enforcement documents (文书): numbering (文号), rendering from templates/documents and the
 * document API. Serves the rectification process, which issues them, and their readers.
 */
package cn.jiandu.document;
