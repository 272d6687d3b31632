CREATE TABLE `bank_statements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_batch_id` integer NOT NULL,
	`bank_account_id` integer NOT NULL,
	`format` text NOT NULL,
	`statement_id` text,
	`sequence` text,
	`sequence_number` integer,
	`from_date` text,
	`to_date` text,
	`opening_balance_minor` integer,
	`closing_balance_minor` integer,
	`entries_sum_minor` integer DEFAULT 0 NOT NULL,
	`currency` text,
	`balance_check` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `bank_statements_account_idx` ON `bank_statements` (`bank_account_id`,`format`,`sequence_number`);