PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_dealer_notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`title` text,
	`body` text,
	`order_id` integer,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_dealer_notifications`("id", "kind", "level", "title", "body", "order_id", "created_at", "read_at") SELECT "id", "kind", "level", "title", "body", "order_id", "created_at", "read_at" FROM `dealer_notifications`;--> statement-breakpoint
DROP TABLE `dealer_notifications`;--> statement-breakpoint
ALTER TABLE `__new_dealer_notifications` RENAME TO `dealer_notifications`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `dealer_notifications_unread_idx` ON `dealer_notifications` (`read_at`);