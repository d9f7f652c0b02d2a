namespace Bastion.Samples.Api.Comments;

/// <summary>Sort order for listing comments.</summary>
public enum CommentOrder
{
    Newest,
    Oldest,
}
