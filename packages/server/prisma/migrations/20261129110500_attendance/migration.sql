-- CreateEnum
CREATE TYPE "PresenceEventKind" AS ENUM ('JOIN', 'LEAVE', 'DISCONNECT');

-- CreateTable
CREATE TABLE "presence_events" (
    "id" SERIAL NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "user_id" TEXT,
    "kind" "PresenceEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_attendance" (
    "meeting_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "headcount" INTEGER,
    "headcount_updated_at" TIMESTAMP(3),

    CONSTRAINT "site_attendance_pkey" PRIMARY KEY ("meeting_id","site_id")
);

-- CreateTable
CREATE TABLE "roll_calls" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "started_by_user_id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roll_calls_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "roll_call_answers" (
    "roll_call_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "user_id" TEXT,
    "confirmed_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "roll_call_answers_pkey" PRIMARY KEY ("roll_call_id","site_id")
);

-- CreateTable
CREATE TABLE "quality_samples" (
    "id" SERIAL NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "rtt_ms" DOUBLE PRECISION,
    "loss_pct" DOUBLE PRECISION,
    "jitter_ms" DOUBLE PRECISION,
    "bitrate_up_kbps" DOUBLE PRECISION,
    "bitrate_down_kbps" DOUBLE PRECISION,
    "producer_score" DOUBLE PRECISION,
    "consumer_score" DOUBLE PRECISION,

    CONSTRAINT "quality_samples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "presence_events_meeting_id_site_id_at_idx" ON "presence_events"("meeting_id", "site_id", "at");

-- CreateIndex
CREATE INDEX "roll_calls_meeting_id_idx" ON "roll_calls"("meeting_id");

-- CreateIndex
CREATE INDEX "quality_samples_meeting_id_site_id_at_idx" ON "quality_samples"("meeting_id", "site_id", "at");

-- AddForeignKey
ALTER TABLE "presence_events" ADD CONSTRAINT "presence_events_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "presence_events" ADD CONSTRAINT "presence_events_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_attendance" ADD CONSTRAINT "site_attendance_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_attendance" ADD CONSTRAINT "site_attendance_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roll_calls" ADD CONSTRAINT "roll_calls_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roll_call_answers" ADD CONSTRAINT "roll_call_answers_roll_call_id_fkey" FOREIGN KEY ("roll_call_id") REFERENCES "roll_calls"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "roll_call_answers" ADD CONSTRAINT "roll_call_answers_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_samples" ADD CONSTRAINT "quality_samples_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "quality_samples" ADD CONSTRAINT "quality_samples_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

