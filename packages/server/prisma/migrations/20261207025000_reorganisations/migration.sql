-- AlterTable
ALTER TABLE "units" ADD COLUMN     "retired_on" DATE;

-- CreateTable
CREATE TABLE "unit_name_history" (
    "id" SERIAL NOT NULL,
    "unit_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "until" DATE NOT NULL,

    CONSTRAINT "unit_name_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_history" (
    "id" SERIAL NOT NULL,
    "site_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "until" DATE NOT NULL,

    CONSTRAINT "site_history_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "unit_successions" (
    "predecessor_id" TEXT NOT NULL,
    "successor_id" TEXT NOT NULL,
    "effective" DATE NOT NULL,

    CONSTRAINT "unit_successions_pkey" PRIMARY KEY ("predecessor_id")
);

-- CreateIndex
CREATE INDEX "unit_name_history_unit_id_until_idx" ON "unit_name_history"("unit_id", "until");

-- CreateIndex
CREATE INDEX "site_history_site_id_until_idx" ON "site_history"("site_id", "until");

-- CreateIndex
CREATE INDEX "unit_successions_successor_id_idx" ON "unit_successions"("successor_id");

-- AddForeignKey
ALTER TABLE "unit_name_history" ADD CONSTRAINT "unit_name_history_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_history" ADD CONSTRAINT "site_history_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_history" ADD CONSTRAINT "site_history_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_predecessor_id_fkey" FOREIGN KEY ("predecessor_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "unit_successions" ADD CONSTRAINT "unit_successions_successor_id_fkey" FOREIGN KEY ("successor_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
