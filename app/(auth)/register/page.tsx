import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { auth } from "@/lib/auth";
import { register } from "../actions";

export default async function RegisterPage() {
  if ((await auth())?.user) redirect("/");
  return <AuthForm mode="register" action={register} />;
}
