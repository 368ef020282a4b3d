-- Fills a PostgreSQL EcoEnforce database (already migrated and seeded with the demo data by one app start) up to
-- 100,000 entities and 1,000,000 problems, for the load run in bench/load/run.sh. Ten years of problems (2017–2026,
-- ~100,000 a year), one measure each (a fifth are fines), an 'Opened' event each and a 'Closed' one for the closed;
-- 100,000 published inspection results and 20,000 penalty decisions for the public site.
-- Every enum-valued column is copied from the demo rows (enterprise n takes demo row n mod 426 as its template),
-- so the values are ones the app wrote itself. Everything generated is marked: names end in （负载）, CreatedBy 'load'.
\set ON_ERROR_STOP on
begin;
select setseed(0.2022) \g /dev/null

create temp table template_entities as
select row_number() over (order by "Id") - 1 as k, * from "Enterprises" where "IsDemo";
create temp table bureau_units as select "Id" from "Departments" where "Kind" in ('Township', 'Street');

insert into "Enterprises" ("Name", "CreditCode", "Address", "TownshipId", "Park", "Latitude", "Longitude", "IndustryCode",
    "SupervisionClass", "PermitType", "PermitNumber", "IsAutoMonitoringKeyUnit", "IsNuclearTechUser", "RadiationLicenceNumber",
    "IsEnvironmentalRisk", "IsChemical", "IsConstructionSite", "ConstructionStart", "ConstructionEnd", "ContactName",
    "ContactPhone", "IsDemo", "CreatedAtUtc", "UpdatedAtUtc")
select '涪陵' || (array['宏达','长江','金山','白鹤','乌江','华峰','建峰','太极','榨菜','新城','龙桥','清溪'])[1 + n % 12]
        || (array['化工','建材','食品','机械','印染','电镀','医药','物流','建筑','水务','纸业','酿造'])[1 + (n / 12) % 12]
        || '有限公司第' || n || '厂（负载）',
    '9150' || lpad(n::text, 13, '0') || 'L',
    '涪陵区负载测试路' || n || '号',
    (select "Id" from bureau_units order by random() + n * 0 limit 1),
    t."Park", 29.45 + random() * 0.5, 106.95 + random() * 0.7, t."IndustryCode", t."SupervisionClass", t."PermitType",
    t."PermitNumber", t."IsAutoMonitoringKeyUnit", t."IsNuclearTechUser", t."RadiationLicenceNumber", t."IsEnvironmentalRisk",
    t."IsChemical", t."IsConstructionSite", t."ConstructionStart", t."ConstructionEnd", t."ContactName", t."ContactPhone",
    true, now(), now()
from generate_series(1, 100000 - (select count(*) from "Enterprises")) n
join template_entities t on t.k = n % (select count(*) from template_entities);

create temp table entity_ids as select row_number() over (order by "Id") - 1 as k, "Id", "TownshipId" from "Enterprises";
create temp table campaigns_2022 as select row_number() over (order by "Id") - 1 as k, "Id" from "Campaigns";

create temp table generated_problems as
select n, e."Id" as enterprise_id, e."TownshipId" as unit_id,
    date '2017-01-01' + (n * 3621::bigint / 1000000)::int as found_on,
    (array['Water','Air','SolidHazardousWaste','Permit','ConstructionProject','NatureReserve','AutoMonitoring'])[1 + n % 7] as category,
    (array['RandomDraw','Complaint','Referral','DataLead','Routine'])[1 + (n / 7) % 5] as source,
    random() as r
from generate_series(1, 1000000 - (select count(*) from "Problems")) n
join entity_ids e on e.k = (hashint4(n::int)::bigint & 2147483647) % 100000;

insert into "Problems" ("Category", "Description", "EnterpriseId", "Source", "FoundOn", "CampaignId", "UnitId",
    "RectificationDeadline", "Status", "RectifiedOn", "ClosedAtUtc", "Version", "CreatedAtUtc", "CreatedBy")
select p.category, '负载测试问题 ' || p.n || '：' ||
        (array['废水直排','废气超标排放','危废贮存不规范','未按证排污','未批先建','自动监控数据异常','扬尘防治措施不到位'])[1 + p.n % 7],
    p.enterprise_id, p.source, p.found_on,
    case when extract(year from p.found_on) = 2022 then (select "Id" from campaigns_2022 c where c.k = p.n % 8) end,
    p.unit_id, p.found_on + 30,
    case when p.found_on < date '2026-09-01' or p.r < 0.3 then 'Closed' when p.r < 0.6 then 'AwaitingVerification' else 'Open' end,
    case when p.found_on < date '2026-09-01' or p.r < 0.6 then p.found_on + 20 end,
    case when p.found_on < date '2026-09-01' or p.r < 0.3 then (p.found_on + 25)::timestamp at time zone 'UTC' end,
    0, p.found_on::timestamp at time zone 'UTC', 'load'
from generated_problems p order by p.n;

insert into "ProblemMeasures" ("ProblemId", "Kind", "TakenOn", "DecisionNumber", "FineWan", "RecordedAtUtc", "RecordedBy")
select "Id", case when "Id" % 5 = 0 then 'Penalty' else 'WrittenOrder' end, "FoundOn",
    case when "Id" % 5 = 0 then '渝（涪）环罚〔' || extract(year from "FoundOn") || '〕' || "Id" || '号（负载）' end,
    case when "Id" % 5 = 0 then round((1 + ("Id" % 97))::numeric / 4, 2) end,
    "CreatedAtUtc", 'load'
from "Problems" where "CreatedBy" = 'load';

insert into "ProblemEvents" ("ProblemId", "Kind", "OccurredOn", "RecordedAtUtc", "Actor", "Text")
select "Id", 'Opened', "FoundOn", "CreatedAtUtc", 'load', '现场检查发现问题，整改时限 ' || "RectificationDeadline"
from "Problems" where "CreatedBy" = 'load'
union all
select "Id", 'Closed', ("ClosedAtUtc" at time zone 'UTC')::date, "ClosedAtUtc", 'load', '回头看核查整改到位，销号'
from "Problems" where "CreatedBy" = 'load' and "Status" = 'Closed';

-- Public site: a published inspection result for every tenth problem-free inspection and every tenth problem, and a
-- penalty decision for a sample of the fines.
insert into "Publications" ("Kind", "ItemKey", "Revision", "Status", "Title", "Year", "CampaignId", "TownshipId", "EventOn",
    "DueOn", "ContentJson", "CreatedAtUtc", "CreatedBy", "PublishedAtUtc")
select 0, 'load-result:' || n, 1, 2, e."Name" || ' 抽查结果', extract(year from d)::int, null, e."TownshipId", d, d + 20,
    json_build_object('entityName', e."Name", 'creditCode', e."CreditCode", 'township', t."Name", 'inspectedOn', d,
        'campaigns', json_build_array('水污染防治专项'), 'drawTitle', null, 'drawCommitment', null,
        'outcome', case when n % 3 = 0 then '发现问题，已责令整改' else '未发现问题' end,
        'problems', case when n % 3 = 0 then json_build_array(json_build_object('category', '水', 'summary', '废水直排', 'rectification', '已整改'))
                         else json_build_array() end,
        'authority', '重庆市涪陵区生态环境局')::text,
    d::timestamp at time zone 'UTC', 'load', (d + 7)::timestamp at time zone 'UTC'
from generate_series(1, 100000) n
cross join lateral (select date '2017-01-01' + (n * 3621::bigint / 100000)::int as d) days
join entity_ids i on i.k = (hashint4(n::int + 7)::bigint & 2147483647) % 100000
join "Enterprises" e on e."Id" = i."Id"
join "Departments" t on t."Id" = e."TownshipId";

insert into "Publications" ("Kind", "ItemKey", "Revision", "Status", "Title", "Year", "CampaignId", "TownshipId", "EventOn",
    "DueOn", "ContentJson", "CreatedAtUtc", "CreatedBy", "PublishedAtUtc")
select 1, 'load-penalty:' || m."Id", 1, 2, m."DecisionNumber", extract(year from m."TakenOn")::int, null, e."TownshipId",
    m."TakenOn", m."TakenOn" + 7,
    json_build_object('decisionNumber', m."DecisionNumber", 'partyKind', 'Organisation', 'partyName', e."Name",
        'creditCode', e."CreditCode", 'legalRepresentative', '张某', 'facts', '负载测试：' || p."Description",
        'legalBasis', '《中华人民共和国水污染防治法》第八十三条', 'penalty', '罚款', 'fineWan', m."FineWan",
        'performance', '已履行', 'authority', '重庆市涪陵区生态环境局', 'decidedOn', m."TakenOn")::text,
    m."RecordedAtUtc", 'load', m."RecordedAtUtc" + interval '7 days'
from "ProblemMeasures" m join "Problems" p on p."Id" = m."ProblemId" join "Enterprises" e on e."Id" = p."EnterpriseId"
where m."RecordedBy" = 'load' and m."Kind" = 'Penalty' and p."Id" % 50 = 0;

commit;
vacuum analyze;
select (select count(*) from "Enterprises") as entities, (select count(*) from "Problems") as problems,
    (select count(*) from "ProblemMeasures") as measures, (select count(*) from "ProblemEvents") as events,
    (select count(*) from "Publications") as publications;
