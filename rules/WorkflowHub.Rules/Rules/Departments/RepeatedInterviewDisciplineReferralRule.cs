using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules.Departments;

/// <summary>
/// A department interviewed again and again within the window, and still with an overdue hazard:
/// its leads go to discipline inspection (纪检监察). Fires once per window for a department.
/// </summary>
[Name(RuleNames.DepartmentRepeatedInterviewReferral)]
[Description("同一部门在窗口期内多次被约谈且仍有逾期隐患，移交纪检监察机关问责。 | A department interviewed the given number of times within the window while a hazard of its is still overdue: referred to discipline inspection (纪检监察) for accountability.")]
[Tag(RuleTags.DepartmentLadder)]
[Tag(RuleTags.Rung1)]
[Tag(RuleTags.Penalty)]
[ReadsPolicy(PolicyKeys.DepartmentInterviewsForReferral)]
[ReadsPolicy(PolicyKeys.DepartmentInterviewWindowDays)]
public sealed class RepeatedInterviewDisciplineReferralRule : Rule
{
    public override void Define()
    {
        ClockFact clock = null!;
        RulePolicy policy = null!;
        DepartmentFact department = null!;
        IEnumerable<DecisionFact> interviews = null!;
        HazardFact overdue = null!;

        When()
            .Match(() => clock)
            .Match(() => policy)
            .Match(() => department)
            .Query(() => interviews, q => q
                .Match<DecisionFact>(
                    d => d.Kind == DecisionKind.Interview,
                    d => d.AddresseeUnitCode == department.UnitCode,
                    d => d.DecidedAt > clock.WindowStart(policy.Department.InterviewWindowDays),
                    d => d.DecidedAt <= clock.Now)
                .Collect()
                .Where(c => c.Count() >= policy.Department.InterviewsForReferral))
            .Match(
                () => overdue,
                h => h.ResponsibleUnitCode == department.UnitCode,
                h => h.IsOverdueAt(clock.Now))
            .Not<IDecided>(
                d => d.RuleName == RuleNames.DepartmentRepeatedInterviewReferral,
                d => d.SubjectType == SubjectType.Department,
                d => d.SubjectId == department.UnitCode,
                d => d.DecidedAt > clock.WindowStart(policy.Department.InterviewWindowDays));

        Then()
            .Do(ctx => Propose.Decision(ctx, clock, DecisionKind.DisciplineReferral, SubjectType.Department, department.UnitCode, department.UnitCode, Reason(department, interviews, overdue, clock, policy)));
    }

    private static DecisionReason Reason(DepartmentFact department, IEnumerable<DecisionFact> interviews, HazardFact overdue, ClockFact clock, RulePolicy policy) => new(
        Propose.Text($"{Label(department)}在{policy.Department.InterviewWindowDays}天内已被约谈{interviews.Count()}次（阈值{policy.Department.InterviewsForReferral}次），隐患{overdue.Number}仍逾期{overdue.DaysOverdueAt(clock.Now)}天，移交纪检监察机关。"),
        Propose.Text($"{Label(department)} has been interviewed {interviews.Count()} times within {policy.Department.InterviewWindowDays} days (threshold {policy.Department.InterviewsForReferral}) and hazard {overdue.Number} is still {overdue.DaysOverdueAt(clock.Now)} days overdue; referred to discipline inspection."));

    private static string Label(DepartmentFact department) =>
        department.Name is null ? department.UnitCode : $"{department.Name} ({department.UnitCode})";
}
