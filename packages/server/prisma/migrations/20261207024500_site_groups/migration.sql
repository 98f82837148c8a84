-- CreateEnum
CREATE TYPE "SiteGroupKind" AS ENUM ('FORMER_DISTRICT', 'REGION', 'UNIT_KIND', 'CUSTOM');

-- CreateTable
CREATE TABLE "site_groups" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "SiteGroupKind" NOT NULL DEFAULT 'CUSTOM',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "site_groups_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_group_members" (
    "group_id" TEXT NOT NULL,
    "site_id" TEXT NOT NULL,

    CONSTRAINT "site_group_members_pkey" PRIMARY KEY ("group_id","site_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "site_groups_code_key" ON "site_groups"("code");

-- CreateIndex
CREATE INDEX "site_group_members_site_id_idx" ON "site_group_members"("site_id");

-- AddForeignKey
ALTER TABLE "site_group_members" ADD CONSTRAINT "site_group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "site_groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_group_members" ADD CONSTRAINT "site_group_members_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "sites"("id") ON DELETE CASCADE ON UPDATE CASCADE;
