-- CreateTable
CREATE TABLE "meeting_messages" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "from_user_id" TEXT,
    "from_site_id" TEXT,
    "from_name" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "target_id" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "meeting_messages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "meeting_messages_meeting_id_at_idx" ON "meeting_messages"("meeting_id", "at");

-- AddForeignKey
ALTER TABLE "meeting_messages" ADD CONSTRAINT "meeting_messages_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;
