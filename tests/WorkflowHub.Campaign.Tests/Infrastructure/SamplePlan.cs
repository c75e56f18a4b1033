using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Tests.Infrastructure;

/// <summary>A small plan in the shape of the real one: one phase pair, four units, a topic and a sector.</summary>
public static class SamplePlan
{
    public static CampaignPlan Create() => new()
    {
        Campaign = new PlanCampaign
        {
            NameZh = "安全生产专项整治三年行动",
            NameEn = "Three-year work-safety rectification campaign",
            Start = new DateOnly(2020, 6, 1),
            End = new DateOnly(2022, 12, 31),
        },
        Phases =
        [
            new PlanPhase { Code = "mobilisation", Order = 1, NameZh = "动员部署", NameEn = "Mobilisation", Start = new DateOnly(2020, 6, 1), End = new DateOnly(2020, 7, 31) },
            new PlanPhase { Code = "investigation", Order = 2, NameZh = "排查整治", NameEn = "Investigation", Start = new DateOnly(2020, 7, 1), End = new DateOnly(2020, 12, 31) },
        ],
        OrgUnits =
        [
            new PlanOrgUnit { Code = "city-safety-office", Kind = OrgUnitKind.CommitteeOffice, NameZh = "市安委会办公室", NameEn = "City Safety Committee Office" },
            new PlanOrgUnit { Code = "city-emergency", Kind = OrgUnitKind.Department, NameZh = "市应急管理局", NameEn = "City Emergency Management Bureau" },
            new PlanOrgUnit { Code = "city-fire-rescue", Kind = OrgUnitKind.Department, NameZh = "市消防救援支队", NameEn = "City Fire and Rescue Detachment" },
            new PlanOrgUnit { Code = "district-east", Kind = OrgUnitKind.District, NameZh = "东城区", NameEn = "East District" },
        ],
        Areas =
        [
            new PlanArea
            {
                Number = 1,
                Code = "topic-responsibility",
                Kind = AreaKind.Topic,
                NameZh = "学习宣传贯彻习近平总书记关于安全生产重要论述",
                NameEn = "Responsibility",
                LeadUnits = ["city-safety-office"],
                CoUnits = ["city-emergency"],
                Tasks = [new PlanAreaTask { Number = 1, TextZh = "一是……", SummaryEn = "First task" }],
                Targets = [],
            },
            new PlanArea
            {
                Number = 2,
                Code = "fire-safety",
                Kind = AreaKind.Sector,
                NameZh = "消防安全",
                NameEn = "Fire safety",
                LeadUnits = ["city-fire-rescue"],
                CoUnits = ["city-emergency", "district-east"],
                Tasks =
                [
                    new PlanAreaTask { Number = 1, TextZh = "一是……", SummaryEn = "Complexes" },
                    new PlanAreaTask { Number = 2, TextZh = "二是……", SummaryEn = "Training" },
                ],
                Targets =
                [
                    new PlanTarget
                    {
                        Code = "fire-complexes-2022",
                        MeasureZh = "大型商业综合体达标率",
                        MeasureEn = "Large commercial complexes compliant",
                        Value = 100m,
                        Unit = "percent",
                        Deadline = new DateOnly(2022, 12, 31),
                        ResponsibleUnit = "city-fire-rescue",
                    },
                ],
            },
        ],
    };
}
