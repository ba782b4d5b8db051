-- A document's number (文号) is taken when its transaction commits, no longer when it is
-- issued (DocumentService): the row is stored first without seq and number, which the same
-- transaction fills in just before it commits, so the type's sequence row is locked for
-- the commit alone and not for the whole process step. No committed row lacks them.
-- (H2 syntax; db/vendor/mysql holds the same change for MySQL and MariaDB.)
ALTER TABLE doc_document ALTER COLUMN seq SET NULL;
ALTER TABLE doc_document ALTER COLUMN number SET NULL;
