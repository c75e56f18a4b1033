using System.Linq.Expressions;
using System.Reflection;
using WorkflowHub.Campaign.Features.Lists;

namespace WorkflowHub.Campaign.Features.Overview;

/// <summary>
/// The months of a trend series (the city's calendar, <see cref="GetCampaignTrends.MaxMonths"/> of them ending with
/// <see cref="Last"/>) and the bucket of a date in it: -1 before the window, 0 to Length − 1 its months, <see cref="After"/>
/// after it. <see cref="Expand{T}"/> turns <see cref="BucketOf(DateTimeOffset)"/> inside a query into comparisons with the
/// month boundaries, so the database counts per month (a tree of CASE, about six comparisons a date), on any provider.
/// </summary>
internal sealed class MonthWindow
{
    private readonly DateTimeOffset[] _starts;

    private MonthWindow(int last)
    {
        Last = last;
        First = last - GetCampaignTrends.MaxMonths + 1;
        // Boundaries in UTC, like the stored instants, so that they compare the same however instants are stored.
        _starts = Enumerable.Range(First, Length + 1).Select(m => new DateTimeOffset(m / 12, (m % 12) + 1, 1, 0, 0, 0, ListExportContext.CityOffset).ToUniversalTime()).ToArray();
    }

    /// <summary>Months are numbered year × 12 + month − 1.</summary>
    public int First { get; }

    public int Last { get; }

    public int Length => GetCampaignTrends.MaxMonths;

    /// <summary>The bucket of dates after the window.</summary>
    public int After => Length;

    /// <summary>The first instant after the window.</summary>
    public DateTimeOffset End => _starts[^1];

    public static MonthWindow Ending(int lastMonth) => new(lastMonth);

    public int BucketOf(DateTimeOffset date)
    {
        var index = Array.BinarySearch(_starts, date);
        // An exact boundary is the start of its month; otherwise the complement is the next boundary's index.
        return index >= 0 ? index : ~index - 1;
    }

    /// <param name="date">Null gives <paramref name="none"/>.</param>
    public int BucketOf(DateTimeOffset? date, int none) => date is { } value ? BucketOf(value) : none;

    /// <summary>The query with every call of <see cref="BucketOf(DateTimeOffset)"/> written out as comparisons with constants.</summary>
    public IQueryable<T> Expand<T>(IQueryable<T> query) => query.Provider.CreateQuery<T>(new Expander(this).Visit(query.Expression));

    /// <summary>Buckets lo..hi of a date known to lie in them: halve at the middle boundary until one bucket is left.</summary>
    private Expression Tree(Expression date, int lo, int hi)
    {
        if (lo == hi)
        {
            return Expression.Constant(lo);
        }

        var middle = (lo + hi + 1) / 2;
        var boundary = Expression.Constant(_starts[middle], date.Type);
        return Expression.Condition(Expression.LessThan(date, boundary, liftToNull: false, method: null), Tree(date, lo, middle - 1), Tree(date, middle, hi));
    }

    private sealed class Expander(MonthWindow window) : ExpressionVisitor
    {
        private static readonly MethodInfo OfDate = typeof(MonthWindow).GetMethod(nameof(BucketOf), [typeof(DateTimeOffset)])!;
        private static readonly MethodInfo OfOptionalDate = typeof(MonthWindow).GetMethod(nameof(BucketOf), [typeof(DateTimeOffset?), typeof(int)])!;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method == OfDate)
            {
                return window.Tree(Visit(node.Arguments[0]), -1, window.After);
            }

            if (node.Method == OfOptionalDate)
            {
                var date = Visit(node.Arguments[0]);
                return Expression.Condition(Expression.Equal(date, Expression.Constant(null, date.Type)), Visit(node.Arguments[1]), window.Tree(date, -1, window.After));
            }

            return base.VisitMethodCall(node);
        }
    }
}
