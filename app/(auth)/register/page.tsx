import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { auth } from "@/lib/auth";
import { register } from "../actions";

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ invite?: string | string[] }>;
}) {
  if ((await auth())?.user) redirect("/");
  const { invite } = await searchParams;
  return (
    <AuthForm
      mode="register"
      action={register}
      invite={typeof invite === "string" ? invite.slice(0, 100) : undefined}
    />
  );
}
