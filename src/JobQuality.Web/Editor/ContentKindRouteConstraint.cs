using JobQuality.Web.Content;

namespace JobQuality.Web.Editor;

/// <summary>Matches a kind's address segment: exemplars, toolkit, research or webinars.</summary>
public sealed class ContentKindRouteConstraint : IRouteConstraint
{
    public const string Name = "contentkind";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && ContentKinds.TryParseSegment(value as string, out _);
}
