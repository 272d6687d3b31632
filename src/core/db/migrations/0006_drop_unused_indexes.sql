DROP INDEX `postings_counterparty_iban_idx`;--> statement-breakpoint
DROP INDEX `postings_end_to_end_idx`;--> statement-breakpoint
DROP INDEX `audit_at_idx`;