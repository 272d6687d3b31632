CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `shop_sync_state` (
	`shop_id` integer NOT NULL,
	`kind` text NOT NULL,
	`high_water_mark` text,
	`cursor` text,
	`last_run_at` text,
	`last_success_at` text,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shop_sync_state_uq` ON `shop_sync_state` (`shop_id`,`kind`);--> statement-breakpoint
CREATE INDEX `shop_sync_state_shop_idx` ON `shop_sync_state` (`shop_id`);--> statement-breakpoint
CREATE TABLE `shops` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`system` text NOT NULL,
	`url` text,
	`file_path` text,
	`secret_name` text,
	`settings` text DEFAULT '{}' NOT NULL,
	`connected_at` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shops_name_uq` ON `shops` (`name`);--> statement-breakpoint
CREATE TABLE `sync_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop_id` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`orders_seen` integer DEFAULT 0 NOT NULL,
	`orders_new` integer DEFAULT 0 NOT NULL,
	`orders_changed` integer DEFAULT 0 NOT NULL,
	`orders_removed` integer DEFAULT 0 NOT NULL,
	`requests` integer DEFAULT 0 NOT NULL,
	`error` text,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sync_runs_shop_started_idx` ON `sync_runs` (`shop_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `bank_accounts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`iban` text,
	`other_id` text,
	`bic` text,
	`name` text,
	`holder` text,
	`currency` text DEFAULT 'EUR' NOT NULL,
	`countries` text DEFAULT '[]' NOT NULL,
	`shop_ids` text DEFAULT '[]' NOT NULL,
	`csv_profile` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_iban_uq` ON `bank_accounts` (`iban`);--> statement-breakpoint
CREATE UNIQUE INDEX `bank_accounts_other_uq` ON `bank_accounts` (`other_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`shop_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`number` text NOT NULL,
	`invoice_number` text,
	`payment_reference` text,
	`created_at_shop` text NOT NULL,
	`updated_at_shop` text,
	`total_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`paid_minor` integer DEFAULT 0 NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`overpaid` integer DEFAULT false NOT NULL,
	`customer_name` text,
	`company` text,
	`email` text,
	`country` text,
	`shop_payment_method` text,
	`payment_code` text,
	`shop_status` text,
	`status` text NOT NULL,
	`managed` integer NOT NULL,
	`due_date` text,
	`first_seen_at` text NOT NULL,
	`last_synced_at` text NOT NULL,
	`status_changed_at` text NOT NULL,
	FOREIGN KEY (`shop_id`) REFERENCES `shops`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_shop_external_uq` ON `orders` (`shop_id`,`external_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `orders_payment_reference_uq` ON `orders` (`payment_reference`);--> statement-breakpoint
CREATE INDEX `orders_status_idx` ON `orders` (`status`);--> statement-breakpoint
CREATE INDEX `orders_number_idx` ON `orders` (`number`);--> statement-breakpoint
CREATE INDEX `orders_invoice_number_idx` ON `orders` (`invoice_number`);--> statement-breakpoint
CREATE INDEX `orders_total_idx` ON `orders` (`currency`,`total_minor`);--> statement-breakpoint
CREATE INDEX `orders_email_idx` ON `orders` (`email`);--> statement-breakpoint
CREATE INDEX `orders_shop_status_idx` ON `orders` (`shop_id`,`status`);--> statement-breakpoint
CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`file_sha256` text NOT NULL,
	`format` text NOT NULL,
	`format_version` text,
	`bank_account_id` integer,
	`imported_at` text NOT NULL,
	`entries_new` integer DEFAULT 0 NOT NULL,
	`entries_duplicate` integer DEFAULT 0 NOT NULL,
	`entries_replaced` integer DEFAULT 0 NOT NULL,
	`balance_check` text DEFAULT 'not_available' NOT NULL,
	`warnings` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `import_batches_sha_idx` ON `import_batches` (`file_sha256`);--> statement-breakpoint
CREATE TABLE `postings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`bank_account_id` integer NOT NULL,
	`import_batch_id` integer,
	`booking_date` text,
	`value_date` text,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`booking_status` text NOT NULL,
	`reversal` integer DEFAULT false NOT NULL,
	`counterparty_name` text,
	`counterparty_iban` text,
	`counterparty_bic` text,
	`ultimate_debtor` text,
	`ultimate_creditor` text,
	`remittance` text,
	`creditor_reference` text,
	`end_to_end_id` text,
	`mandate_id` text,
	`bank_tx_code` text,
	`bank_reference` text,
	`dedupe_key` text NOT NULL,
	`match_state` text NOT NULL,
	`assigned_minor` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`bank_account_id`) REFERENCES `bank_accounts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`import_batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `postings_dedupe_uq` ON `postings` (`bank_account_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `postings_match_state_idx` ON `postings` (`match_state`);--> statement-breakpoint
CREATE INDEX `postings_booking_date_idx` ON `postings` (`booking_date`);--> statement-breakpoint
CREATE INDEX `postings_amount_idx` ON `postings` (`currency`,`amount_minor`);--> statement-breakpoint
CREATE INDEX `postings_counterparty_iban_idx` ON `postings` (`counterparty_iban`);--> statement-breakpoint
CREATE INDEX `postings_end_to_end_idx` ON `postings` (`end_to_end_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`posting_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`method` text NOT NULL,
	`pass` text,
	`score` real,
	`reasons` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`undone_at` text,
	`undone_by` text,
	`undo_reason` text,
	FOREIGN KEY (`posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignments_posting_idx` ON `assignments` (`posting_id`);--> statement-breakpoint
CREATE INDEX `assignments_order_idx` ON `assignments` (`order_id`);--> statement-breakpoint
CREATE TABLE `status_transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`target_status` text NOT NULL,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`give_up_at` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_transfers_state_next_idx` ON `status_transfers` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `status_transfers_order_idx` ON `status_transfers` (`order_id`);--> statement-breakpoint
CREATE TABLE `customer_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`order_id` integer NOT NULL,
	`kind` text NOT NULL,
	`to_email` text NOT NULL,
	`subject` text NOT NULL,
	`state` text NOT NULL,
	`message_id` text,
	`error` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `customer_messages_order_idx` ON `customer_messages` (`order_id`);--> statement-breakpoint
CREATE INDEX `customer_messages_state_idx` ON `customer_messages` (`state`);--> statement-breakpoint
CREATE TABLE `dealer_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`order_id` integer,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dealer_notifications_unread_idx` ON `dealer_notifications` (`read_at`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);