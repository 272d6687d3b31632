CREATE TABLE `payer_facts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payer_key` text NOT NULL,
	`customer_key` text NOT NULL,
	`confirmations` integer DEFAULT 1 NOT NULL,
	`last_assignment_id` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`last_assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payer_facts_uq` ON `payer_facts` (`kind`,`payer_key`,`customer_key`);--> statement-breakpoint
CREATE INDEX `payer_facts_payer_idx` ON `payer_facts` (`payer_key`);--> statement-breakpoint
CREATE TABLE `posting_returns` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`return_posting_id` integer NOT NULL,
	`assignment_id` integer NOT NULL,
	`order_id` integer NOT NULL,
	`amount_minor` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`return_posting_id`) REFERENCES `postings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `posting_returns_posting_idx` ON `posting_returns` (`return_posting_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `posting_returns_assignment_uq` ON `posting_returns` (`assignment_id`);